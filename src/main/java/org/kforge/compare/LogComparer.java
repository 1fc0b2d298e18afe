package org.kforge.compare;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kforge.InputFile;
import org.kforge.Limits;
import org.kforge.console.ConsoleText;
import org.kforge.console.Diagnosis;
import org.kforge.console.Event;
import org.kforge.console.LogDoctor;
import org.kforge.console.LogLines;
import org.kforge.console.Rule;

/**
 * Aligns two console logs with Myers' diff (java-diff-utils) over their normalised lines and
 * says where they part ways. Both logs are held in memory (line text only), up to
 * {@link Limits#COMPARE_LINES} lines and {@link Limits#COMPARE_BYTES} each; a longer log is compared on its first lines
 * and says so.
 */
public final class LogComparer {
    private static final int CONTEXT = 3;
    private static final int SHOWN = 8;

    private LogComparer() {
    }

    public static Comparison compare(Path a, Path b) throws IOException {
        Side sa = Side.read(a);
        Side sb = Side.read(b);
        Patch<String> patch = DiffUtils.diff(sa.normal, sb.normal);
        Comparison.Divergence first = null;
        List<Integer> removed = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int pa = d.getSource().getPosition();
            int pb = d.getTarget().getPosition();
            if (first == null) {
                List<Comparison.Line> ctx = new ArrayList<>();
                for (int i = Math.max(0, pa - CONTEXT); i < pa; i++) ctx.add(sa.line(i));
                first = new Comparison.Divergence(ctx, sa.lines(pa, d.getSource().size()), sb.lines(pb, d.getTarget().size()));
            }
            for (int i = 0; i < d.getSource().size(); i++) removed.add(pa + i);
            for (int i = 0; i < d.getTarget().size(); i++) added.add(pb + i);
        }
        // a line both printed, elsewhere: moved, not a difference of content
        Map<String, java.util.ArrayDeque<Integer>> inB = new LinkedHashMap<>();
        for (int j : added) inB.computeIfAbsent(sb.normal.get(j), k -> new java.util.ArrayDeque<>()).add(j);
        List<Comparison.Moved> moved = new ArrayList<>();
        java.util.Set<Integer> movedB = new java.util.HashSet<>();
        Map<String, List<Comparison.Line>> onlyA = new TreeMap<>();
        for (int i : removed) {
            java.util.ArrayDeque<Integer> twins = inB.get(sa.normal.get(i));
            if (twins != null && !twins.isEmpty()) {
                int j = twins.poll();
                movedB.add(j);
                moved.add(new Comparison.Moved(sa.line(i), sb.line(j)));
            } else {
                group(onlyA, sa, i);
            }
        }
        Map<String, List<Comparison.Line>> onlyB = new TreeMap<>();
        for (int j : added) if (!movedB.contains(j)) group(onlyB, sb, j);
        return new Comparison(a.toString(), b.toString(), sa.diagnosis, sb.diagnosis, sa.raw.size(), sb.raw.size(), first,
                onlyA, onlyB, moved, milestones(sa, sb), sa.runTimes != null && sb.runTimes != null,
                sa.truncated || sb.truncated);
    }

    private static void group(Map<String, List<Comparison.Line>> out, Side s, int i) {
        out.computeIfAbsent(Subsystem.of(ConsoleText.message(s.raw.get(i))), k -> new ArrayList<>()).add(s.line(i));
    }

    /** Milestones of either boot in order of A's log, each with its printk time in both. */
    private static List<Comparison.MilestoneTime> milestones(Side a, Side b) {
        Map<String, Event> ma = firstMilestones(a.diagnosis);
        Map<String, Event> mb = firstMilestones(b.diagnosis);
        Map<String, Event> all = new LinkedHashMap<>(ma);
        mb.forEach(all::putIfAbsent);
        List<Comparison.MilestoneTime> out = new ArrayList<>();
        boolean run = a.runTimes != null && b.runTimes != null;
        all.forEach((id, e) -> out.add(new Comparison.MilestoneTime(id, LogLines.utf8(e.title()),
                run ? a.runTimes.getOrDefault(id, -1.0) : a.seconds(ma.get(id)),
                run ? b.runTimes.getOrDefault(id, -1.0) : b.seconds(mb.get(id)))));
        return out;
    }

    private static Map<String, Event> firstMilestones(Diagnosis d) {
        Map<String, Event> m = new LinkedHashMap<>();
        for (Event e : d.events()) if (e.kind() == Rule.Kind.MILESTONE) m.putIfAbsent(e.id(), e);
        return m;
    }


    /** One log: its raw lines, their normalised form, and its diagnosis. */
    private record Side(List<String> raw, List<String> normal, Diagnosis diagnosis, boolean truncated,
                        Map<String, Double> runTimes) {
        static Side read(Path p) throws IOException {
            List<String> raw = new ArrayList<>();
            boolean[] cut = {false};
            long[] held = {0};
            try (InputStream in = InputFile.open(p, "log")) {
                LogLines.read(in, l -> {
                    held[0] += l.length();
                    if (raw.size() < Limits.COMPARE_LINES && held[0] <= Limits.COMPARE_BYTES) raw.add(l);
                    else cut[0] = true;
                });
            }
            List<String> normal = raw.stream().map(LogNormalizer::normalize).toList();
            Diagnosis d;
            try (InputStream in = cut[0] ? Files.newInputStream(p)
                    : new ByteArrayInputStream(String.join("\n", raw).getBytes(StandardCharsets.ISO_8859_1))) {
                d = LogDoctor.examine(in, p.toString());
            }
            return new Side(raw, normal, d, cut[0], runTimes(p.resolveSibling("result.json")));
        }

        /**
         * A kforge run directory's milestone times (seconds since QEMU started, first of each id), which
         * also time lines without a printk stamp such as Xen's; null when the log is not from a run.
         */
        static Map<String, Double> runTimes(Path resultJson) {
            if (!Files.isRegularFile(resultJson)) return null;
            try {
                Map<String, Double> out = new LinkedHashMap<>();
                for (var m : new com.fasterxml.jackson.databind.ObjectMapper().readTree(resultJson.toFile()).path("milestones")) {
                    out.putIfAbsent(m.path("id").asText(), m.path("seconds").asDouble(-1));
                }
                return out;
            } catch (IOException e) {
                return null;
            }
        }

        /** The printk time of an event's line, or of the last kernel line before it; -1 if none. */
        double seconds(Event e) {
            if (e == null || e.line() <= 0) return -1;
            for (int i = Math.min(e.line(), raw.size()) - 1; i >= 0; i--) {
                double s = ConsoleText.seconds(ConsoleText.printable(raw.get(i)));
                if (s >= 0) return s;
            }
            return -1;
        }

        Comparison.Line line(int i) {
            return new Comparison.Line(i + 1, LogLines.utf8(raw.get(i)));
        }

        List<Comparison.Line> lines(int from, int count) {
            List<Comparison.Line> out = new ArrayList<>();
            for (int i = from; i < from + Math.min(count, SHOWN); i++) out.add(line(i));
            return out;
        }
    }
}
