package org.kforge.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The lines that follow a crash header, kept until its trace is complete (the "---[ end" marker or
 * a bounded number of lines), from which the culprit function and the follow-up facts are read.
 */
final class CrashReport {
    static final int MAX_LINES = 160;
    final int eventIndex;
    private final Rule rule;
    private final Matcher header;
    private final List<String> lines = new ArrayList<>();
    private boolean closed;

    CrashReport(int eventIndex, Rule rule, Matcher header) {
        this.eventIndex = eventIndex;
        this.rule = rule;
        this.header = header;
    }

    /** Adds a line; returns false once the report is complete. */
    boolean add(String message) {
        if (closed) return false;
        lines.add(message);
        if (message.startsWith("---[ end") || lines.size() >= MAX_LINES) closed = true;
        return !closed;
    }

    /** The facts the report adds to its header's: func, and each follow fact that was found. */
    Map<String, String> facts(Map<String, String> base, java.util.regex.Pattern globalSkip) {
        Map<String, String> f = new HashMap<>(base);
        if (!rule.details().frames().isEmpty()) {
            String func = CallTrace.culprit(rule, header, lines, globalSkip);
            if (func != null) f.put("func", func);
            String driver = CallTrace.probingDriver(lines);
            if (driver != null) f.put("driver", driver);
        }
        rule.details().follow().forEach((name, p) -> {
            for (String l : lines) {
                Matcher m = p.matcher(l);
                if (m.find()) {
                    f.put(name, m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group());
                    break;
                }
            }
        });
        return f;
    }
}
