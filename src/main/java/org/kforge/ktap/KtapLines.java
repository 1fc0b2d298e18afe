package org.kforge.ktap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kforge.console.LogLines;

/**
 * The KTAP lines of a console log, as kunit_parser.py's extract_tap_lines isolates them: nothing before the
 * first "KTAP version N" (or "TAP version N") line but "kunit executor:" errors; from it on, every line with
 * the prefix before that version line cut off (a "[    0.5] " timestamp, a "kunit: " tag), up to the line
 * that ends a kernel's test run (the partition list, a VFS panic, "reboot: System halted"). Lines are kept
 * with their console line number; at most {@link #MAX_CHARS} characters of them (a real run of every KUnit
 * suite prints a few MB).
 */
final class KtapLines {
    static final long MAX_CHARS = 32L << 20;
    private static final Pattern KTAP_START = Pattern.compile("\\s*KTAP version ([0-9]+)$");
    private static final Pattern TAP_START = Pattern.compile("\\s*TAP version ([0-9]+)$");
    private static final Pattern KTAP_END = Pattern.compile("\\s*(List of all partitions:|Kernel panic - not syncing: VFS:|reboot: System halted)");
    private static final Pattern EXECUTOR_ERROR = Pattern.compile("\\s*kunit executor: (.*)$");

    private final List<String> text = new ArrayList<>();
    private final List<Integer> numbers = new ArrayList<>();
    private int consoleLine;
    private boolean started;
    private boolean ended;
    private int prefix;
    private long chars;
    private String cut;
    private int next;

    /** One console line (ISO-8859-1 bytes, as {@link LogLines#read} gives them), in order. */
    void accept(String raw) {
        consoleLine++;
        if (ended) return;
        String line = LogLines.utf8(raw).stripTrailing();
        if (!started) {
            Matcher k = KTAP_START.matcher(line);
            Matcher t = k.find() ? null : TAP_START.matcher(line);
            if (t == null || t.find()) {
                started = true;
                prefix = line.indexOf(t == null ? "KTAP version" : "TAP version");
                keep(line.substring(prefix));
            } else if (EXECUTOR_ERROR.matcher(line).find()) {
                keep(line);
            }
        } else if (KTAP_END.matcher(line).find()) {
            ended = true;
        } else {
            keep(line.length() > prefix ? line.substring(prefix) : "");
        }
    }

    private void keep(String line) {
        chars += line.length();
        if (chars > MAX_CHARS) {
            ended = true;
            cut = "the KTAP output is larger than " + (MAX_CHARS >> 20) + " M characters: read up to console line " + (consoleLine - 1);
            return;
        }
        text.add(line);
        numbers.add(consoleLine);
    }

    /** Why the lines end early (a bound), or null. */
    String cut() {
        return cut;
    }

    int consoleLines() {
        return consoleLine;
    }

    boolean more() {
        return next < text.size();
    }

    /** The current line, "" past the end (kunit_parser.py's LineStream.peek). */
    String peek() {
        return more() ? text.get(next) : "";
    }

    String pop() {
        return text.get(next++);
    }

    /** The console line number of the current line (the last line's past the end). */
    int number() {
        if (numbers.isEmpty()) return 0;
        return numbers.get(Math.min(next, numbers.size() - 1));
    }

    /** Ends the lines here: the rest is not read (a bound of the parser was reached). */
    void stop() {
        next = text.size();
    }
}
