package org.kforge.kunit;

import java.util.List;
import org.kforge.console.Event;
import org.kforge.console.Verdict;
import org.kforge.ktap.KtapRun;
import org.kforge.ktap.KtapStatus;
import org.kforge.ktap.KtapTest;

/**
 * A KUnit boot judged: the KTAP results (as kunit.py counts them) and the verdict engine's word on the boot. The
 * boot ends the kernel's own way ({@code kunit_shutdown=poweroff} after the last suite), and then the verdict is
 * "the log ends before the boot was ready" (no userspace runs: {@link #ENDED}); any other failure (a panic, a hang,
 * the time limit) means the kernel died, and the case whose result never came is the one that was running.
 */
public record KunitOutcome(KtapRun ktap, Verdict verdict, boolean died, String interrupted, String after) {
    /** The verdict outcome of a kernel that ran its tests and powered off: it never reached userspace, as asked. */
    public static final String ENDED = "incomplete";

    /**
     * {@code events}: the verdict engine's; the kernel died when one of them ended the boot (terminal: a panic, a
     * hang, the time limit, silence) other than the log's end short of userspace. A WARNING a suite provokes does not.
     */
    public static KunitOutcome of(KtapRun ktap, Verdict verdict, List<Event> events) {
        boolean killed = events.stream().anyMatch(e -> e.terminal() && e.counts() && !ENDED.equals(e.id()));
        String[] running = running(ktap);
        boolean died = killed || running != null;
        return new KunitOutcome(ktap, verdict, died, running == null ? null : running[0], running == null ? null : running[1]);
    }

    /** 0: every case passed or was skipped and the kernel ended its own way; 1: a case failed, or none ran, or the kernel died. */
    public int exitCode() {
        return !died && ktap.found() && ktap.passed() ? 0 : 1;
    }

    /** Whether the filter matched no suite: the plan was "1..0" (KUnit prints it when nothing is left to run). */
    public boolean noTests() {
        return ktap.found() && ktap.main().status() == KtapStatus.NO_TESTS;
    }

    /**
     * The first case whose result never came ("suite.#3": KTAP 1 names a case only in its result line) and the
     * last case of that suite that did finish, or null when every planned case has its result.
     */
    static String[] running(KtapRun ktap) {
        List<KtapRun.Case> cases = ktap.cases();
        for (int i = 0; i < cases.size(); i++) {
            KtapTest t = cases.get(i).test();
            if (t.status() != KtapStatus.CRASHED || t.line() != 0) continue;
            String suite = cases.get(i).suite();
            String prev = i > 0 && cases.get(i - 1).suite().equals(suite) ? cases.get(i - 1).test().label() : null;
            return new String[] {(suite.isEmpty() ? "" : suite + ".") + t.label(), prev};
        }
        return null;
    }
}
