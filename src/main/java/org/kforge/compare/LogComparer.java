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
import org.kforge.console.ConsoleText;
import org.kforge.console.Diagnosis;
import org.kforge.console.Event;
import org.kforge.console.LogDoctor;
import org.kforge.console.LogLines;
import org.kforge.console.Rule;

/**
 * Aligns two console logs with Myers' diff (java-diff-utils) over their normalised lines and
 * says where they part ways. Both logs are held in memory (line text only), up to
 * {@link #MAX_LINES} lines each; a longer log is compared on its first lines and says so.
 */
public final class LogComparer {
    public static final int MAX_LINES = 200_000;
    private static final int CONTEXT = 3;
    private static final int SHOWN = 8;

    private LogComparer() {
    }

    public static Comparison compare(Path a, Path b) throws IOException {
        Side sa = Side.read(a);
        Side sb = Side.read(b);
        Patch<String> patch = DiffUtils.diff(sa.normal, sb.normal);
        Comparison.Divergence first = null;
        Map<String, List<Comparison.Line>> onlyA = new TreeMap<>();
        Map<String, List<Comparison.Line>> onlyB = new TreeMap<>();
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int pa = d.getSource().getPosition();
            int pb = d.getTarget().getPosition();
            if (first == null) {
                List<Comparison.Line> ctx = new ArrayList<>();
                for (int i = Math.max(0, pa - CONTEXT); i < pa; i++) ctx.add(sa.line(i));
                first = new Comparison.Divergence(ctx, sa.lines(pa, d.getSource().size()), sb.lines(pb, d.getTarget().size()));
            }
            for (int i = 0; i < d.getSource().size(); i++) group(onlyA, sa, pa + i);
            for (int i = 0; i < d.getTarget().size(); i++) group(onlyB, sb, pb + i);
        }
        return new Comparison(a.toString(), b.toString(), sa.diagnosis, sb.diagnosis, sa.raw.size(), sb.raw.size(), first,
                onlyA, onlyB, milestones(sa, sb), sa.truncated || sb.truncated);
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
        all.forEach((id, e) -> out.add(new Comparison.MilestoneTime(id, LogLines.utf8(e.title()),
                seconds(ma.get(id)), seconds(mb.get(id)))));
        return out;
    }

    private static Map<String, Event> firstMilestones(Diagnosis d) {
        Map<String, Event> m = new LinkedHashMap<>();
        for (Event e : d.events()) if (e.kind() == Rule.Kind.MILESTONE) m.putIfAbsent(e.id(), e);
        return m;
    }

    private static double seconds(Event e) {
        return e == null || e.text() == null ? -1 : ConsoleText.seconds(e.text());
    }

    /** One log: its raw lines, their normalised form, and its diagnosis. */
    private record Side(List<String> raw, List<String> normal, Diagnosis diagnosis, boolean truncated) {
        static Side read(Path p) throws IOException {
            List<String> raw = new ArrayList<>();
            boolean[] cut = {false};
            try (InputStream in = Files.newInputStream(p)) {
                LogLines.read(in, l -> {
                    if (raw.size() < MAX_LINES) raw.add(l);
                    else cut[0] = true;
                });
            }
            List<String> normal = raw.stream().map(LogNormalizer::normalize).toList();
            Diagnosis d;
            try (InputStream in = cut[0] ? Files.newInputStream(p)
                    : new ByteArrayInputStream(String.join("\n", raw).getBytes(StandardCharsets.ISO_8859_1))) {
                d = LogDoctor.examine(in, p.toString());
            }
            return new Side(raw, normal, d, cut[0]);
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
