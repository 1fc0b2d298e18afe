package org.kforge.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kforge.Json;
import org.kforge.TerminalText;
import org.kforge.lab.LabVerdict;

/** A LAVA job's verdict: kforge's on the console, then LAVA's result and what the two mean together; or as JSON. */
public final class LabVerdictReport {
    private LabVerdictReport() {
    }

    public static String text(LabVerdict v) {
        StringBuilder out = new StringBuilder();
        boolean consoleSeen = v.kforge().lines() > 0;
        if (consoleSeen) out.append(DoctorReport.text(v.kforge(), false));
        out.append("LAVA:   ").append(TerminalText.visible(v.lava().line())).append('\n');
        switch (v.kind()) {
            case INFRASTRUCTURE -> out.append(consoleSeen && v.kforge().verdict().booted()
                    ? "INFRASTRUCTURE: the kernel booted; LAVA failed around it, not the kernel\n"
                    : "INFRASTRUCTURE: LAVA failed before the device started: not the kernel's failure\n");
            case TARGET_FAILED -> {
                if (!v.lava().passed() && v.lava().errorType() != null && !v.lava().errorType().equals("Test")) {
                    out.append("  LAVA calls it ").append(TerminalText.visible(v.lava().errorType()))
                            .append("; the console shows the kernel's failure (kforge's verdict above)\n");
                }
            }
            case BOOTED -> { }
        }
        return out.toString();
    }

    /** kforge's verdict, LAVA's result and the kind, as one object ({@code --json}). */
    public static String json(LabVerdict v) {
        ObjectNode root = Json.json().createObjectNode();
        root.put("kind", v.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        VerdictJson.put(root.putObject("verdict"), v.kforge().verdict());
        ObjectNode l = root.putObject("lava");
        l.put("result", v.lava().result());
        l.put("error_type", v.lava().errorType());
        l.put("error_msg", v.lava().errorMsg());
        root.put("console_lines", v.kforge().lines());
        return Json.write(root);
    }
}
