package org.kforge.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The doctor's marks on the labelled corpus, kept per split: outcome right, first bad line right
 * (exact text, whitespace at the ends ignored; a boot-ok label wants no line), false alarms (exit 1,
 * "the log shows a failure", on a log labelled boot-ok: it booted and nothing on it failed; a booted log
 * with a dead device is labelled device-error, and exit 1 is right there), and for Xen logs outcome, layer and first bad line
 * all right together. Outcomes are compared as names of one vocabulary (see {@link #sameOutcome}).
 */
public final class AccuracyScore {
    /** One split's counts. */
    public static final class Tally {
        public int cases;
        public int outcomeRight;
        public int lineRight;
        public int bootOk;
        public int falseAlarms;
        public int xen;
        public int xenAllRight;
        public final List<String> misses = new ArrayList<>();

        public double outcomePct() {
            return pct(outcomeRight, cases);
        }

        public double linePct() {
            return pct(lineRight, cases);
        }

        public double xenPct() {
            return pct(xenAllRight, xen);
        }

        private static double pct(int n, int of) {
            return of == 0 ? 100.0 : 100.0 * n / of;
        }
    }

    private final Map<CorpusCase.Split, Tally> tallies = new EnumMap<>(CorpusCase.Split.class);

    public AccuracyScore() {
        for (CorpusCase.Split s : CorpusCase.Split.values()) tallies.put(s, new Tally());
    }

    public Tally tally(CorpusCase.Split split) {
        return tallies.get(split);
    }

    public void add(CorpusCase c, DoctorAnswer a) {
        Tally t = tallies.get(c.split());
        t.cases++;
        boolean outcome = sameOutcome(c.outcome(), a.outcome());
        boolean line = sameLine(c.firstBadLine(), a.firstBadLine());
        if (outcome) t.outcomeRight++;
        if (line) t.lineRight++;
        // issue 17: a booted log (boot-ok, or booted with a dead device) never gets exit 1 without --strict
        boolean bootOk = c.booted();
        boolean alarm = bootOk && a.exitCode() == 1;
        if (bootOk) t.bootOk++;
        if (alarm) t.falseAlarms++;
        boolean layer = true;
        if (c.xen()) {
            t.xen++;
            layer = c.firstBadLine() == null || c.layer() == null || c.layer().equals(a.layer());
            if (outcome && line && layer) t.xenAllRight++;
        }
        if (!outcome || !line || alarm || !layer) {
            t.misses.add(String.format(Locale.ROOT, "%-10s %s%n    want %s%s | %s%n    got  %s%s (exit %d) | %s",
                    c.split().label(), c.name(),
                    c.outcome(), c.layer() != null ? "/" + c.layer() : "", c.firstBadLine(),
                    a.outcome(), c.xen() ? "/" + a.layer() : "", a.exitCode(), a.firstBadLine()));
        }
    }

    /**
     * The corpus labels and the doctor share one vocabulary (boot-ok, no-console, bootloader-error,
     * no-root, no-init, panic, oops, hang, oom, device-error, emergency-shell, warning); the doctor
     * also has timeout and incomplete, which only a live boot gives and no label uses, so they never
     * match. No other mapping is applied: a booted system with a dead device is labelled device-error
     * and a doctor that says boot-ok is wrong about it.
     */
    static boolean sameOutcome(String label, String doctor) {
        return label.equals(doctor);
    }

    static boolean sameLine(String label, String doctor) {
        if (label == null) return doctor == null;
        return doctor != null && label.strip().equals(doctor.strip());
    }

    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-10s %6s %9s %15s %13s %17s%n", "split", "cases", "outcome", "first bad line",
                "false alarms", "Xen (all three)"));
        for (Map.Entry<CorpusCase.Split, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            b.append(String.format(Locale.ROOT, "%-10s %6d %8.1f%% %14.1f%% %6d of %-4d %7d of %d (%.0f%%)%n",
                    e.getKey().label(), t.cases, t.outcomePct(),
                    t.linePct(), t.falseAlarms, t.bootOk, t.xenAllRight, t.xen, t.xenPct()));
        }
        return b.toString();
    }

    public String misses() {
        StringBuilder b = new StringBuilder();
        for (Tally t : tallies.values()) t.misses.forEach(m -> b.append(m).append('\n'));
        return b.toString();
    }
}
