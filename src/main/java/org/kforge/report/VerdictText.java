package org.kforge.report;

import org.kforge.TerminalText;
import java.util.List;
import org.kforge.console.Event;
import org.kforge.console.Verdict;

/** The human summary printed last: milestone times, then the verdict with why and what to try. */
public final class VerdictText {
    private VerdictText() {
    }

    /** The summary; {@code layer} (or null) names what failed: the kernel, a dom0 kernel, the hypervisor. */
    public static String render(List<Event> events, Verdict v, String layer, boolean timed) {
        StringBuilder out = new StringBuilder("\n");
        for (Event e : events) {
            if (e.isFailure()) continue;
            out.append(timed ? String.format("  %7.2f s  ", e.seconds()) : String.format("  line %-6d ", e.line()))
                    .append(String.format("%-14s %s%n", e.id(), e.title()));
        }
        if (v.booted()) {
            out.append("BOOTED: ").append(v.title()).append('\n');
            return TerminalText.visible(out.toString());
        }
        out.append("FAILED (").append(v.outcome()).append("): ").append(v.title()).append('\n');
        if (layer != null) out.append("  layer: ").append(layer).append('\n');
        if (v.firstBadLine() != null) {
            out.append("  first bad line ").append(v.firstBadLine().number()).append(": ")
                    .append(v.firstBadLine().text().strip()).append('\n');
        }
        if (!v.cause().isEmpty()) out.append("  why: ").append(v.cause()).append('\n');
        for (String fix : v.fixes()) out.append("  try: ").append(fix).append('\n');
        return TerminalText.visible(out.toString());
    }
}
