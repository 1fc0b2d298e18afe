package org.kforge.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.kforge.Json;
import org.kforge.TerminalText;
import org.kforge.bisect.BisectReport;
import org.kforge.bisect.KernelBooter;
import org.kforge.bisect.Revisions;
import org.kforge.bisect.Step;
import org.kforge.bisect.StepMark;
import org.kforge.compare.Comparison;

/** What {@code kforge bisect} prints at the end: the first bad commit, both ends, the skips, and where the culprit's boot parts from its parent's. */
public final class BisectText {
    private BisectText() {
    }

    public static String text(BisectReport r, Comparison c) {
        StringBuilder out = new StringBuilder("\n");
        switch (r.result()) {
            case BisectReport.CULPRIT -> commit(out.append("FIRST BAD COMMIT: "), r.culprit());
            case BisectReport.IDENTICAL -> commit(out.append("NOT BLAMED: ").append(r.reason()).append("\n  git named: "), r.culprit());
            case BisectReport.ONLY_SKIPPED -> {
                out.append("NO SINGLE COMMIT: ").append(r.reason()).append('\n');
                for (Revisions.Commit k : r.candidates()) out.append("  ").append(k.shortId()).append("  ").append(k.subject()).append('\n');
            }
            default -> out.append("ABORTED: ").append(r.reason()).append('\n');
        }
        if (r.badEnd() != null) end(out, "bad end ", r.badEnd(), r);
        if (r.goodEnd() != null) end(out, "good end", r.goodEnd(), r);
        long tested = r.steps().stream().filter(s -> s.role().startsWith("step")).count();
        out.append(String.format("  %d steps, %d skipped, %d flaky%n", tested,
                r.steps().stream().filter(s -> s.mark() == StepMark.SKIP).count(), r.flaky().size()));
        for (Step s : r.steps()) {
            if (s.mark() == StepMark.SKIP || s.flaky()) out.append("    ").append(s.shortId()).append(' ').append(s.role()).append(": ")
                    .append(s.mark().name().toLowerCase(java.util.Locale.ROOT)).append(", ").append(s.reason()).append('\n');
        }
        if (c != null) {
            out.append("\nThe culprit's boot (B) against its parent's (A):\n  A: ").append(c.nameA()).append("\n  B: ").append(c.nameB()).append('\n');
            out.append(c.identical() ? "  the two consoles are the same once times and addresses are set aside\n" : CompareReport.firstDivergence(c));
            // the first divergence may be a line both printed in another order; these are what only one printed
            first(out, "first line only the culprit printed", "B", c.onlyInB());
            first(out, "first line only the parent printed ", "A", c.onlyInA());
            out.append("  all of it: kforge compare ").append(c.nameA()).append(' ').append(c.nameB()).append('\n');
        }
        return TerminalText.visible(out.toString());
    }

    private static void first(StringBuilder out, String what, String side, java.util.Map<String, java.util.List<Comparison.Line>> only) {
        only.values().stream().flatMap(java.util.List::stream).min(java.util.Comparator.comparingInt(Comparison.Line::number))
                .ifPresent(l -> out.append("  ").append(what).append(": ").append(side).append(" line ").append(l.number()).append(": ")
                        .append(l.text()).append('\n'));
    }

    private static void commit(StringBuilder out, Revisions.Commit k) {
        out.append(k.id()).append('\n');
        out.append("  subject: ").append(k.subject()).append('\n');
        out.append("  author:  ").append(k.author()).append('\n');
        out.append("  files:   ").append(String.join(" ", k.files().stream().limit(10).toList()))
                .append(k.files().size() > 10 ? " ... (" + k.files().size() + " files)" : "").append('\n');
    }

    private static void end(StringBuilder out, String name, Step s, BisectReport r) {
        out.append("  ").append(name).append(' ').append(s.shortId()).append(": ").append(s.reason());
        for (KernelBooter.Boot b : s.boots()) {
            if (!b.booted() && (r.match() == null || r.match().matches(b))) {
                out.append(" (").append(b.outcome()).append(": ").append(b.title()).append(')');
                break;
            }
        }
        out.append('\n');
    }

    /** The report as data: the BisectReport's fields, and the comparison as {@code kforge compare --json} gives it. */
    public static String json(BisectReport r, Comparison c) {
        try {
            ObjectNode root = Json.json().valueToTree(r);
            root.put("exit_code", r.exitCode());
            if (c == null) root.putNull("comparison");
            else root.set("comparison", Json.json().readTree(CompareReport.json(c)));
            return Json.json().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
