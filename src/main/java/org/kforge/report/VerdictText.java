package org.kforge.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kforge.TerminalText;
import org.kforge.console.Event;
import org.kforge.console.LogLines;
import org.kforge.console.Rule;
import org.kforge.console.Verdict;

/**
 * The human summary, the same for {@code kforge boot} and {@code kforge doctor}: the milestones
 * (with their time in a live boot, their line in a log), then the verdict with the layer that
 * failed, the first bad line, why and what to try; for a booted system, what failed all the same
 * and the errors that cleared. Console text is made safe to print.
 */
public final class VerdictText {
    /** A booted system's failures shown in full; the rest are counted (a WARNING storm can give hundreds). */
    static final int SHOWN_FAILURES = 5;

    private VerdictText() {
    }

    /** Milestones, each id once (with its time when {@code timed}, else its line), then the verdict. */
    public static String render(List<Event> events, Verdict v, boolean timed) {
        return TerminalText.visible(milestones(events, timed) + verdict(v));
    }

    static String milestones(List<Event> events, boolean timed) {
        StringBuilder out = new StringBuilder();
        Set<String> shown = new HashSet<>();
        for (Event e : events) {
            if (e.kind() != Rule.Kind.MILESTONE || !shown.add(e.id())) continue;
            out.append(timed ? String.format("  %7.2f s  ", e.seconds()) : String.format("  line %-6d ", e.line()))
                    .append(String.format("%-16s %s%n", e.id(), LogLines.utf8(e.title())));
        }
        return out.toString();
    }

    static String verdict(Verdict v) {
        StringBuilder out = new StringBuilder();
        if (v.booted()) {
            boolean partsOnly = v.outcome().equals(Verdict.BOOT_OK) || v.outcome().equals("device-error");
            out.append(partsOnly ? "BOOTED: " : "BOOTED, with " + v.outcome() + ": ").append(LogLines.utf8(v.title())).append('\n');
            if (!v.failures().isEmpty()) {
                out.append("  what failed (the exit code stays 0; with --strict it is 1):\n");
            }
            v.failures().stream().limit(SHOWN_FAILURES).forEach(f -> finding(out, "FAILED", f));
            if (v.failures().size() > SHOWN_FAILURES) {
                out.append("  (").append(v.failures().size() - SHOWN_FAILURES).append(" more failures: --json lists every one)\n");
            }
        } else {
            out.append("FAILED (").append(v.outcome()).append("): ").append(LogLines.utf8(v.title())).append('\n');
            if (v.layer() != null) out.append("  layer: ").append(v.layer()).append('\n');
            line(out, "  first bad line ", v.firstBadLine());
            why(out, "  ", v.cause(), v.fixes());
        }
        for (Verdict.Finding n : v.notes()) {
            out.append("  note: ").append(LogLines.utf8(n.title()));
            if (n.line() != null) out.append(" (line ").append(n.line().number()).append(')');
            out.append('\n');
        }
        return out.toString();
    }

    private static void finding(StringBuilder out, String head, Verdict.Finding f) {
        out.append("  ").append(head).append(": ").append(LogLines.utf8(f.title())).append('\n');
        line(out, "    first bad line ", f.line());
        why(out, "    ", f.why(), f.fixes());
    }

    private static void line(StringBuilder out, String head, Verdict.Line line) {
        if (line == null) return;
        out.append(head).append(line.number()).append(": ").append(LogLines.utf8(line.text()).strip()).append('\n');
    }

    private static void why(StringBuilder out, String indent, String why, List<String> fixes) {
        if (!why.isEmpty()) out.append(indent).append("why: ").append(LogLines.utf8(why)).append('\n');
        for (String fix : fixes) out.append(indent).append("try: ").append(LogLines.utf8(fix)).append('\n');
    }
}
