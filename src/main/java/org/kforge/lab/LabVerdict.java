package org.kforge.lab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kforge.Json;
import org.kforge.TerminalText;
import org.kforge.console.Diagnosis;
import org.kforge.report.DoctorReport;
import org.kforge.report.VerdictJson;

/**
 * kforge's verdict on the console LAVA read, next to LAVA's own result, with the lab kept apart from the kernel:
 * a failure before the device started (a download, QEMU missing) is the lab's ({@code infrastructure}, exit 3);
 * once the device spoke, kforge's verdict on its console says whether the kernel failed (exit 1), whatever label
 * LAVA put on it (a kernel that powers off without a root is "Infrastructure: Connection closed" to LAVA); a
 * kernel that booted in a job LAVA failed is the lab's failure again.
 */
public record LabVerdict(Kind kind, Diagnosis kforge, LavaResult lava) {
    public enum Kind { BOOTED, TARGET_FAILED, INFRASTRUCTURE }

    public static LabVerdict of(Diagnosis d, LavaResult lava, boolean deviceStarted) {
        if (!deviceStarted && !lava.passed()) return new LabVerdict(Kind.INFRASTRUCTURE, d, lava);
        if (!d.verdict().booted()) return new LabVerdict(Kind.TARGET_FAILED, d, lava);
        return new LabVerdict(lava.passed() ? Kind.BOOTED : Kind.INFRASTRUCTURE, d, lava);
    }

    public int exitCode(boolean strict) {
        return switch (kind) {
            case BOOTED -> kforge.exitCode(strict);
            case TARGET_FAILED -> 1;
            case INFRASTRUCTURE -> 3;
        };
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        boolean consoleSeen = kforge.lines() > 0;
        if (consoleSeen) out.append(DoctorReport.text(kforge, false));
        out.append("LAVA:   ").append(TerminalText.visible(lava.line())).append('\n');
        switch (kind) {
            case INFRASTRUCTURE -> out.append(consoleSeen && kforge.verdict().booted()
                    ? "INFRASTRUCTURE: the kernel booted; LAVA failed around it, not the kernel\n"
                    : "INFRASTRUCTURE: LAVA failed before the device started: not the kernel's failure\n");
            case TARGET_FAILED -> {
                if (!lava.passed() && lava.errorType() != null && !lava.errorType().equals("Test")) {
                    out.append("  LAVA calls it ").append(TerminalText.visible(lava.errorType()))
                            .append("; the console shows the kernel's failure (kforge's verdict above)\n");
                }
            }
            case BOOTED -> { }
        }
        return out.toString();
    }

    /** kforge's verdict, LAVA's result and the kind, as one object ({@code --json}). */
    public String json() {
        ObjectNode root = Json.json().createObjectNode();
        root.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        VerdictJson.put(root.putObject("verdict"), kforge.verdict());
        ObjectNode l = root.putObject("lava");
        l.put("result", lava.result());
        l.put("error_type", lava.errorType());
        l.put("error_msg", lava.errorMsg());
        root.put("console_lines", kforge.lines());
        return Json.write(root);
    }
}
