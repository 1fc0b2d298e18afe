package org.kforge.ktap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kforge.console.LogLines;

/**
 * KTAP results of a console log, read as the kernel's own parser reads them (tools/testing/kunit/
 * kunit_parser.py, parse_test: the same suites, cases, statuses and counts; the format is
 * Documentation/dev-tools/ktap.rst). kunit_parser.py recurses once per nesting level; this is the same
 * descent with a stack of its own, at most {@link #MAX_DEPTH} deep, and at most {@link #MAX_TESTS} tests
 * kept, so no log can overflow the stack or fill the heap. A plan that promises more tests than came (a
 * kernel that died mid-suite) counts every missing one as crashed without making an object for each.
 */
public final class KtapParser {
    /** Nesting kept: KUnit nests 3 deep (run, suite, parameterised case). */
    public static final int MAX_DEPTH = 64;
    /** Tests kept as objects: all of 6.1's KUnit suites have under 3,000 cases. */
    public static final int MAX_TESTS = 200_000;

    private static final int FLAGS = Pattern.DOTALL;
    private static final Pattern KTAP_START = Pattern.compile("\\s*KTAP version ([0-9]+)$", FLAGS);
    private static final Pattern TAP_START = Pattern.compile("\\s*TAP version ([0-9]+)$", FLAGS);
    private static final Pattern TEST_HEADER = Pattern.compile("\\s*# Subtest: (.*)$", FLAGS);
    private static final Pattern TEST_PLAN = Pattern.compile("\\s*1\\.\\.([0-9]+)", FLAGS);
    private static final Pattern TEST_RESULT = Pattern.compile("\\s*(ok|not ok) ([0-9]+) (- )?([^#]*)( # .*)?$", FLAGS);
    private static final Pattern TEST_RESULT_SKIP = Pattern.compile("\\s*(ok|not ok) ([0-9]+) (- )?(.*) # SKIP(.*)$", FLAGS);
    private static final List<Pattern> NOT_DIAGNOSTIC = List.of(TEST_RESULT, TEST_HEADER, KTAP_START, TAP_START);
    private static final List<String> DIRECTIVES = List.of("SKIP", "TODO", "XFAIL", "TIMEOUT", "ERROR");

    private final KtapLines lines;
    private final List<String> notes = new ArrayList<>();
    private int tests;

    private KtapParser(KtapLines lines) {
        this.lines = lines;
    }

    /** The results in a console log (a stream of bytes, read within the console log's bounds). */
    public static KtapRun parse(InputStream in, String source) throws IOException {
        KtapLines lines = new KtapLines();
        LogLines.read(in, lines::accept);
        return new KtapParser(lines).run(source);
    }

    /** The results in console lines already read. */
    public static KtapRun parse(Iterable<String> consoleLines, String source) {
        KtapLines lines = new KtapLines();
        consoleLines.forEach(lines::accept);
        return new KtapParser(lines).run(source);
    }

    private KtapRun run(String source) {
        if (lines.cut() != null) notes.add(lines.cut());
        KtapTest root;
        if (!lines.more()) {
            root = new KtapTest();
            root.name = "<missing>";
            root.addError("could not find any KTAP output!");
            root.status = KtapStatus.NOT_FOUND;
        } else {
            root = descend();
            if (root.status != KtapStatus.NO_TESTS) root.status = root.counts.status();
        }
        return new KtapRun(source, root, lines.consoleLines(), notes);
    }

    /** One test being read: kunit_parser.py's parse_test, its locals kept in a frame instead of on the call stack. */
    private static final class Frame {
        final KtapTest test = new KtapTest();
        final boolean subtest;
        final long expectedNum;
        boolean parent;
        boolean reading;
        long testNum = 1;

        Frame(long expectedNum, boolean subtest) {
            this.expectedNum = expectedNum;
            this.subtest = subtest;
        }
    }

    private KtapTest descend() {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(begin(0, List.of(), false));
        while (true) {
            Frame f = stack.peek();
            KtapTest t = f.test;
            if (f.reading && (t.expected == null || f.testNum <= t.expected)) {
                List<KtapTest.LogLine> subLog = diagnostic();
                if (!lines.more() || (f.subtest && nameMatches(t))) {
                    if (t.expected != null && t.expected > 0 && f.testNum <= t.expected) {
                        missing(f, subLog);
                        continue;
                    }
                    t.addLog(subLog);
                    f.reading = false;
                } else if (stack.size() >= MAX_DEPTH || tests >= MAX_TESTS) {
                    notes.add((stack.size() >= MAX_DEPTH ? "KTAP nested deeper than " + MAX_DEPTH + " levels"
                            : "more than " + MAX_TESTS + " tests") + " at console line " + lines.number() + ": the rest is not read");
                    lines.stop();
                    t.addLog(subLog);
                } else {
                    stack.push(begin(f.testNum, subLog, true));
                }
                continue;
            }
            end(f);
            stack.pop();
            if (stack.isEmpty()) return t;
            Frame up = stack.peek();
            up.test.subtests.add(t);
            up.testNum++;
        }
    }

    /** The header of a test: a version line and plan for the main test; a version line, "# Subtest:" and plan for a subtest. */
    private Frame begin(long expectedNum, List<KtapTest.LogLine> log, boolean subtest) {
        tests++;
        Frame f = new Frame(expectedNum, subtest);
        KtapTest t = f.test;
        t.number = expectedNum;
        t.addLog(log);
        t.addLog(diagnostic());
        t.headerLine = lines.number();
        if (!subtest) {
            t.name = "main";
            header(t);
            plan(t);
            f.parent = true;
        } else {
            boolean version = header(t);
            boolean named = subtestName(t);
            f.parent = version || named;
            if (f.parent) plan(t);
        }
        f.reading = f.parent;
        return f;
    }

    /** Every test the plan promised and the log never gave (it ended, or the parent's result came): crashed. */
    private void missing(Frame f, List<KtapTest.LogLine> subLog) {
        long remaining = f.test.expected - f.testNum + 1;
        for (long i = 0; i < remaining; i++) {
            if (f.test.errors.size() >= KtapTest.LOG_LINES) {
                f.test.counts.errors += remaining - i;
                break;
            }
            f.test.addError("missing expected subtest!");
        }
        f.test.counts.add(KtapStatus.CRASHED, remaining);
        for (long i = 0; i < remaining && tests < MAX_TESTS; i++, tests++) {
            KtapTest placeholder = new KtapTest();
            placeholder.number = f.testNum + i;
            if (i == 0) placeholder.addLog(subLog);
            f.test.subtests.add(placeholder);
        }
        f.testNum = f.test.expected + 1;
    }

    /** After the subtests: a subtest's own result line, then its counts from its subtests (or its own status). */
    private void end(Frame f) {
        KtapTest t = f.test;
        if (f.subtest) {
            t.addLog(diagnostic());
            if (!t.name.isEmpty() && !nameMatches(t)) t.addError("missing subtest result line!");
            else result(t, f.expectedNum);
        }
        if (f.parent && t.subtests.isEmpty() && (t.status == KtapStatus.CRASHED || t.status == KtapStatus.PASSED)) {
            t.status = KtapStatus.NO_TESTS;
            t.addError("0 tests run!");
        }
        for (KtapTest s : t.subtests) t.counts.add(s.counts);
        if (t.counts.total() == 0) t.counts.add(t.status, 1);
        else if (t.counts.status() == KtapStatus.CRASHED) t.status = KtapStatus.CRASHED;
    }

    private boolean header(KtapTest t) {
        String line = lines.peek();
        Matcher k = KTAP_START.matcher(line);
        Matcher tap = TAP_START.matcher(line);
        if (lines.more() && k.matches()) {
            version(t, k.group(1), 1, 1, "KTAP");
        } else if (lines.more() && tap.matches()) {
            version(t, tap.group(1), 13, 14, "TAP");
        } else {
            return false;
        }
        lines.pop();
        return true;
    }

    private static void version(KtapTest t, String digits, long min, long max, String kind) {
        long v = number(digits);
        if (v < min) t.addError(kind + " version lower than expected!");
        else if (v > max) t.addError(kind + " version higer than expected!");
    }

    private boolean subtestName(KtapTest t) {
        Matcher m = TEST_HEADER.matcher(lines.peek());
        if (!lines.more() || !m.matches()) return false;
        t.name = m.group(1);
        lines.pop();
        return true;
    }

    private void plan(KtapTest t) {
        Matcher m = TEST_PLAN.matcher(lines.peek());
        if (!lines.more() || !m.lookingAt()) {
            t.expected = null;
            return;
        }
        t.expected = number(m.group(1));
        lines.pop();
    }

    private boolean nameMatches(KtapTest t) {
        if (!lines.more()) return false;
        Matcher m = TEST_RESULT.matcher(lines.peek());
        return m.matches() && m.group(4).equals(t.name);
    }

    private void result(KtapTest t, long expectedNum) {
        String line = lines.peek();
        Matcher m = TEST_RESULT.matcher(line);
        if (!lines.more() || !m.matches()) return;
        Matcher skip = TEST_RESULT_SKIP.matcher(line);
        boolean skipped = skip.matches();
        t.line = lines.number();
        lines.pop();
        t.name = skipped ? skip.group(4) : m.group(4);
        long num = number(m.group(2));
        if (num != expectedNum) t.addError("Expected test number " + expectedNum + " but found " + num);
        directive(t, m.group(5));
        if (skipped) t.status = KtapStatus.SKIPPED;
        else t.status = m.group(1).equals("ok") ? KtapStatus.PASSED : KtapStatus.FAILED;
    }

    /** "# SKIP reason", "# TIMEOUT 30 seconds"...: only SKIP changes a status (as in kunit_parser.py). */
    private static void directive(KtapTest t, String comment) {
        if (comment == null) return;
        String rest = comment.substring(3).strip();
        int space = rest.indexOf(' ');
        String word = space < 0 ? rest : rest.substring(0, space);
        if (!DIRECTIVES.contains(word)) return;
        t.directive = word;
        t.reason = space < 0 ? "" : rest.substring(space + 1).strip();
    }

    /** Lines up to the next result, subtest header or version line. */
    private List<KtapTest.LogLine> diagnostic() {
        List<KtapTest.LogLine> log = new ArrayList<>();
        while (lines.more() && !notDiagnostic(lines.peek())) {
            int n = lines.number();
            String text = lines.pop();
            if (log.size() < KtapTest.LOG_LINES) log.add(new KtapTest.LogLine(n, text));
        }
        return log;
    }

    private static boolean notDiagnostic(String line) {
        for (Pattern p : NOT_DIAGNOSTIC) if (p.matcher(line).matches()) return true;
        return false;
    }

    /** A count or number of the log, at most 10^18 (a hostile plan of 40 digits is no error of ours). */
    private static long number(String digits) {
        if (digits.length() > 18) return 1_000_000_000_000_000_000L;
        return Long.parseLong(digits);
    }
}
