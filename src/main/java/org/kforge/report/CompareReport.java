package org.kforge.report;

import org.kforge.TerminalText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.kforge.compare.Comparison;
import org.kforge.console.Verdict;

/** What {@code kforge compare} prints: a human summary, or JSON (schema in docs/doctor.md). */
public final class CompareReport {
    private static final ObjectMapper JSON = org.kforge.Json.json();
    private static final int PER_GROUP = 5;

    private CompareReport() {
    }

    public static String text(Comparison c) {
        StringBuilder out = new StringBuilder();
        out.append("A: ").append(c.nameA()).append(" (").append(c.linesA()).append(" lines) ").append(verdict(c.a().verdict())).append('\n');
        out.append("B: ").append(c.nameB()).append(" (").append(c.linesB()).append(" lines) ").append(verdict(c.b().verdict())).append('\n');
        if (c.truncated()) out.append("(only the first lines of a long log were aligned)\n");
        if (c.identical()) {
            out.append("\nThe logs are the same once timestamps, addresses, PIDs and durations are set aside.\n");
        } else {
            out.append('\n').append(firstDivergence(c));
            groups(out, "Only in A", c.onlyInA());
            groups(out, "Only in B", c.onlyInB());
            if (!c.moved().isEmpty()) {
                out.append("\nIn both, in another order (").append(c.moved().size()).append(" lines):\n");
                c.moved().stream().limit(PER_GROUP).forEach(m -> out.append(String.format("    A %d, B %d  %s%n",
                        m.a().number(), m.b().number(), m.b().text())));
                if (c.moved().size() > PER_GROUP) out.append("            ... ").append(c.moved().size() - PER_GROUP).append(" more\n");
            }
        }
        out.append(c.runClock() ? "\nMilestones (seconds since QEMU started, from each run's result.json):\n"
                : "\nMilestones (printk time; a line without one takes the last kernel time before it):\n");
        for (Comparison.MilestoneTime m : c.milestones()) {
            out.append(String.format("  %-16s A %-10s B %-10s %s%n", m.id(), secs(m.secondsA()), secs(m.secondsB()),
                    m.difference() == null ? "" : String.format("%+.3f s", m.difference())));
        }
        return TerminalText.visible(out.toString());
    }

    /** The first place two logs part, with the common lines before it (unescaped: callers make it visible). */
    static String firstDivergence(Comparison c) {
        StringBuilder out = new StringBuilder();
        Comparison.Divergence d = c.first();
        out.append("First divergence (A line ").append(d.a().isEmpty() ? "-" : d.a().get(0).number())
                .append(", B line ").append(d.b().isEmpty() ? "-" : d.b().get(0).number()).append("):\n");
        for (Comparison.Line l : d.context()) out.append("    ").append(l.text()).append('\n');
        for (Comparison.Line l : d.a()) out.append("  A ").append(l.text()).append('\n');
        for (Comparison.Line l : d.b()) out.append("  B ").append(l.text()).append('\n');
        return out.toString();
    }

    private static void groups(StringBuilder out, String heading, Map<String, List<Comparison.Line>> groups) {
        int total = groups.values().stream().mapToInt(List::size).sum();
        out.append('\n').append(heading).append(" (").append(total).append(" lines):\n");
        groups.entrySet().stream().sorted((x, y) -> y.getValue().size() - x.getValue().size()).forEach(g -> {
            out.append("  ").append(g.getKey()).append(" (").append(g.getValue().size()).append(")\n");
            g.getValue().stream().limit(PER_GROUP).forEach(l -> out.append(String.format("    %6d  %s%n", l.number(), l.text())));
            if (g.getValue().size() > PER_GROUP) out.append("            ... ").append(g.getValue().size() - PER_GROUP).append(" more\n");
        });
    }

    private static String verdict(Verdict v) {
        return v.booted() ? "booted" : v.outcome() + ": " + v.title();
    }

    private static String secs(double s) {
        return s < 0 ? "-" : String.format("%.3f s", s);
    }

    public static String json(Comparison c) {
        ObjectNode root = JSON.createObjectNode();
        root.set("a", side(c.nameA(), c.linesA(), c.a().verdict()));
        root.set("b", side(c.nameB(), c.linesB(), c.b().verdict()));
        root.put("identical", c.identical());
        root.put("truncated", c.truncated());
        if (c.first() == null) {
            root.putNull("first_divergence");
        } else {
            ObjectNode d = root.putObject("first_divergence");
            lines(d.putArray("context"), c.first().context());
            lines(d.putArray("a"), c.first().a());
            lines(d.putArray("b"), c.first().b());
        }
        groups(root.putObject("only_in_a"), c.onlyInA());
        groups(root.putObject("only_in_b"), c.onlyInB());
        ArrayNode moved = root.putArray("moved");
        for (Comparison.Moved m : c.moved()) {
            moved.addObject().put("line_a", m.a().number()).put("line_b", m.b().number()).put("text", m.b().text());
        }
        root.put("milestone_clock", c.runClock() ? "run" : "printk");
        ArrayNode ms = root.putArray("milestones");
        for (Comparison.MilestoneTime m : c.milestones()) {
            ObjectNode n = ms.addObject().put("id", m.id()).put("title", m.title());
            if (m.secondsA() >= 0) n.put("seconds_a", m.secondsA()); else n.putNull("seconds_a");
            if (m.secondsB() >= 0) n.put("seconds_b", m.secondsB()); else n.putNull("seconds_b");
            if (m.difference() != null) n.put("difference", Math.round(m.difference() * 1e6) / 1e6); else n.putNull("difference");
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode side(String name, int lines, Verdict v) {
        ObjectNode n = JSON.createObjectNode().put("source", name).put("lines", lines);
        VerdictJson.put(n.putObject("verdict"), v);
        return n;
    }

    private static void groups(ObjectNode n, Map<String, List<Comparison.Line>> groups) {
        groups.forEach((k, v) -> lines(n.putArray(k), v));
    }

    private static void lines(ArrayNode arr, List<Comparison.Line> lines) {
        for (Comparison.Line l : lines) arr.addObject().put("number", l.number()).put("text", l.text());
    }
}
