package org.kforge.ktap;

/**
 * The counts kunit.py prints at the end ("Ran 10 tests: passed: 8, crashed: 2, errors: 3"): test cases (tests
 * without subtests) by status, and the parse errors of a test and its subtests (kunit_parser.py, TestCounts).
 * Longs: a hostile plan ("1..99999999999") may promise more tests than an int holds.
 */
public final class KtapCounts {
    long passed;
    long failed;
    long crashed;
    long skipped;
    long errors;

    public long passed() {
        return passed;
    }

    public long failed() {
        return failed;
    }

    public long crashed() {
        return crashed;
    }

    public long skipped() {
        return skipped;
    }

    public long errors() {
        return errors;
    }

    public long total() {
        return passed + failed + crashed + skipped;
    }

    void add(KtapCounts c) {
        passed += c.passed;
        failed += c.failed;
        crashed += c.crashed;
        skipped += c.skipped;
        errors += c.errors;
    }

    void add(KtapStatus s, long n) {
        switch (s) {
            case PASSED -> passed += n;
            case FAILED -> failed += n;
            case SKIPPED -> skipped += n;
            case NO_TESTS -> { }
            default -> crashed += n;
        }
    }

    /** The status these counts add up to: crashed before failed before passed; only skips is skipped. */
    KtapStatus status() {
        if (total() == 0) return KtapStatus.NO_TESTS;
        if (crashed > 0) return KtapStatus.CRASHED;
        if (failed > 0) return KtapStatus.FAILED;
        if (passed > 0) return KtapStatus.PASSED;
        return KtapStatus.SKIPPED;
    }

    /** As kunit.py's summary: "Ran 10 tests: passed: 9, failed: 1" (a zero count is left out). */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Ran " + total() + " tests: ");
        String sep = "";
        String[] names = {"passed", "failed", "crashed", "skipped", "errors"};
        long[] values = {passed, failed, crashed, skipped, errors};
        for (int i = 0; i < names.length; i++) {
            if (values[i] == 0) continue;
            s.append(sep).append(names[i]).append(": ").append(values[i]);
            sep = ", ";
        }
        return s.toString();
    }
}
