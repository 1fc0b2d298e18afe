package org.kforge.report;

import org.kforge.TerminalText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.kforge.console.Diagnosis;
import org.kforge.console.Event;
import org.kforge.console.LogLines;
import org.kforge.console.Verdict;

/** What {@code kforge doctor} prints: a human summary, or JSON (schema in docs/doctor.md). */
public final class DoctorReport {
    private static final ObjectMapper JSON = org.kforge.Json.json();

    private DoctorReport() {
    }

    public static String json(List<Diagnosis> all) {
        return json(all, all.size() > 1);
    }

    /** One object, or an array when {@code many} logs were asked for (even if only one could be read). */
    public static String json(List<Diagnosis> all, boolean many) {
        try {
            if (!many && all.size() == 1) return JSON.writeValueAsString(node(all.get(0)));
            ArrayNode arr = JSON.createArrayNode();
            all.forEach(d -> arr.add(node(d)));
            return JSON.writeValueAsString(arr);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode node(Diagnosis d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", d.source());
        VerdictJson.put(root, d.verdict());
        root.put("lines", d.lines());
        root.put("bytes", d.bytes());
        ArrayNode events = root.putArray("events");
        for (Event e : d.events()) {
            ObjectNode n = events.addObject();
            n.put("id", e.id());
            n.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (e.isFailure()) {
                n.put("outcome", e.outcome());
                n.put("role", e.role().name().toLowerCase(java.util.Locale.ROOT));
                if (e.cleared()) n.put("cleared", true);
            }
            if (e.line() > 0) n.put("line", e.line());
            if (e.text() != null) n.put("text", LogLines.utf8(e.text()));
            n.put("title", LogLines.utf8(e.title()));
            if (e.facts().containsKey("func")) n.put("function", e.facts().get("func"));
            if (e.facts().containsKey("errno")) n.put("errno", e.facts().get("errno"));
        }
        if (d.droppedEvents() > 0) root.put("events_dropped", d.droppedEvents());
        ArrayNode boots = root.putArray("boots");
        for (Diagnosis.Boot b : d.boots()) {
            ObjectNode n = boots.addObject().put("first_line", b.firstLine()).put("last_line", b.lastLine());
            VerdictJson.put(n.putObject("verdict"), b.verdict());
        }
        return root;
    }

    public static String text(Diagnosis d, boolean header) {
        StringBuilder out = new StringBuilder();
        if (header) out.append("== ").append(d.source()).append('\n');
        out.append(VerdictText.milestones(d.events(), false));
        if (d.boots().size() > 1) {
            out.append(String.format("  %d boots in this log:%n", d.boots().size()));
            for (Diagnosis.Boot b : d.boots()) {
                out.append(String.format("    lines %d-%d: %s%n", b.firstLine(), b.lastLine(),
                        b.verdict().booted() ? "booted" : b.verdict().outcome() + ": " + LogLines.utf8(b.verdict().title())));
            }
        }
        Verdict v = d.verdict();
        out.append(VerdictText.verdict(v));
        long other = d.events().stream().filter(e -> e.counts() && (v.firstBadLine() == null || e.line() != v.firstBadLine().number())).count()
                - v.failures().size();
        if (other > 0) out.append("  (").append(other).append(" more failure lines: --json lists every event)\n");
        return TerminalText.visible(out.toString());
    }
}
