package org.kforge.ktap;

import java.util.ArrayList;
import java.util.List;

/**
 * The KTAP results of one console log: the main test (its subtests are the suites), how many console lines
 * were read, and notes on what was not read (a bound reached).
 */
public record KtapRun(String source, KtapTest main, int consoleLines, List<String> notes) {
    public KtapRun {
        notes = List.copyOf(notes);
    }

    public KtapCounts counts() {
        return main.counts();
    }

    /** Whether the log holds KTAP at all. */
    public boolean found() {
        return main.status() != KtapStatus.NOT_FOUND;
    }

    /** Passed or skipped only, and no parse error (kunit.py exits 0 only when the run's status is SUCCESS). */
    public boolean passed() {
        return main.status() == KtapStatus.PASSED;
    }

    /** Every test case (a test without subtests), depth first, with the names of the suites above it. */
    public List<Case> cases() {
        List<Case> all = new ArrayList<>();
        walk(main, "", all);
        return all;
    }

    /** A test case under its suite path ("list-kunit-test" or "suite.param-group"; "" at the top). */
    public record Case(String suite, KtapTest test) {
    }

    private static void walk(KtapTest root, String path, List<Case> out) {
        // iterative: nesting is bounded by the parser, but a walk need not rely on it
        java.util.ArrayDeque<Object[]> todo = new java.util.ArrayDeque<>();
        todo.push(new Object[] {root, path});
        while (!todo.isEmpty()) {
            Object[] item = todo.pop();
            KtapTest t = (KtapTest) item[0];
            String p = (String) item[1];
            if (t != root && t.subtests().isEmpty()) {
                out.add(new Case(p, t));
                continue;
            }
            String inner = t == root ? "" : p.isEmpty() ? t.name() : p + "." + t.name();
            List<KtapTest> subs = t.subtests();
            for (int i = subs.size() - 1; i >= 0; i--) todo.push(new Object[] {subs.get(i), inner});
        }
    }
}
