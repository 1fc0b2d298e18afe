package org.kforge.ktap;

/**
 * A test's status, as the kernel's own parser names them (tools/testing/kunit/kunit_parser.py, TestStatus):
 * a test whose result line never came is crashed; a parent that ran no test is no-tests; a log with no KTAP
 * in it at all is not-found (kunit.py's FAILURE_TO_PARSE_TESTS).
 */
public enum KtapStatus {
    PASSED, FAILED, SKIPPED, CRASHED, NO_TESTS, NOT_FOUND;

    /** The word kunit.py prints in brackets: [PASSED], [FAILED], [SKIPPED], [CRASHED], [NO TESTS RUN]. */
    public String word() {
        return switch (this) {
            case NO_TESTS -> "NO TESTS RUN";
            case NOT_FOUND -> "NO KTAP";
            default -> name();
        };
    }

    /** Passed or skipped (kunit_parser.py's Test.ok_status). */
    public boolean ok() {
        return this == PASSED || this == SKIPPED;
    }

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
