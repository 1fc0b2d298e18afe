package org.kforge.ktap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One test of a KTAP log: a suite (it has subtests) or a case; the root is kunit.py's "main" test. It keeps
 * the console line of its result ("ok 1 name", 1-based, 0 when none came), its directive ("# SKIP reason",
 * TODO, XFAIL, TIMEOUT, ERROR: Documentation/dev-tools/ktap.rst), the diagnostic lines printed before the
 * result (a failed expectation's message; at most {@link #LOG_LINES}), and the parse errors it caused.
 */
public final class KtapTest {
    /** Diagnostic lines kept per test: a KUnit failure message is 2-4 lines, a test's own output rarely 20. */
    public static final int LOG_LINES = 40;

    String name = "";
    KtapStatus status = KtapStatus.CRASHED;
    Long expected = 0L;
    final List<KtapTest> subtests = new ArrayList<>();
    final KtapCounts counts = new KtapCounts();
    String directive;
    String reason;
    long number;
    int line;
    int headerLine;
    final List<LogLine> log = new ArrayList<>();
    long logDropped;
    final List<String> errors = new ArrayList<>();

    /** A diagnostic line and where it was (1-based console line). */
    public record LogLine(int line, String text) {
    }

    public String name() {
        return name;
    }

    public KtapStatus status() {
        return status;
    }

    /** The plan's count ("1..3"), or null when the test had no plan. */
    public Long expected() {
        return expected;
    }

    public List<KtapTest> subtests() {
        return Collections.unmodifiableList(subtests);
    }

    public KtapCounts counts() {
        return counts;
    }

    /** SKIP, TODO, XFAIL, TIMEOUT, ERROR (or another word after "# "), or null. */
    public String directive() {
        return directive;
    }

    public String reason() {
        return reason;
    }

    /** Its place in its parent (1-based): "ok 2 ..." is 2; a test that never came has the place it should have had. */
    public long number() {
        return number;
    }

    /** The name, or for a test whose lines never came, "#2" (its place in the suite). */
    public String label() {
        return name.isEmpty() ? "#" + number : name;
    }

    /** The console line of the result line, 0 when none came (a crash). */
    public int line() {
        return line;
    }

    /** The console line where the test began (its "KTAP version" or "# Subtest" line, or its result line). */
    public int headerLine() {
        return headerLine;
    }

    public List<LogLine> log() {
        return Collections.unmodifiableList(log);
    }

    public List<String> errors() {
        return Collections.unmodifiableList(errors);
    }

    public boolean isSuite() {
        return !subtests.isEmpty();
    }

    void addLog(List<LogLine> lines) {
        for (LogLine l : lines) {
            if (log.size() < LOG_LINES) log.add(l);
            else logDropped++;
        }
    }

    void addError(String message) {
        counts.errors++;
        if (errors.size() < LOG_LINES) errors.add(message);
    }
}
