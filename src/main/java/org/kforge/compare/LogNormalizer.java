package org.kforge.compare;

import java.util.regex.Pattern;
import org.kforge.console.ConsoleText;

/**
 * Makes two boots' lines comparable: what differs from run to run without meaning anything
 * (timestamps, kernel addresses and pointers, PIDs, UUIDs, MAC addresses, durations, BogoMIPS,
 * random seeds) is replaced by a placeholder, so that only real differences remain.
 */
public final class LogNormalizer {
    private static final Pattern[] PATTERNS = {
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
            Pattern.compile("\\b[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}\\b"),
            Pattern.compile("\\+0x[0-9a-f]+/0x[0-9a-f]+"),
            Pattern.compile("\\b0x[0-9a-fA-F]+\\b|\\b[0-9a-f]{8,16}\\b"),
            Pattern.compile("(?i)\\b(pid|tgid|PID:?|task)[ =:]*[0-9]+"),
            Pattern.compile("\\[ *[TC][0-9]+\\]"),
            Pattern.compile("(?i)\\b[0-9]+(?:\\.[0-9]+)?\\s*(?:ns|us|usecs?|ms|msecs?|s|secs?|seconds|jiffies)\\b"),
            Pattern.compile("(?i)\\b[0-9]+\\.[0-9]+ BogoMIPS"),
            Pattern.compile("\\b[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}\\S*( UTC)? \\([0-9]+\\)|\\b[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}\\S*"),
            Pattern.compile("audit\\([0-9.]+:[0-9]+\\)"),
    };
    private static final String[] REPLACEMENTS = {"<uuid>", "<mac>", "+<off>", "<addr>", "$1 <n>", "", "<time>", "<n> BogoMIPS", "<date>", "audit(<time>)"};

    private LogNormalizer() {
    }

    /** The line without its timestamp, escapes and run-specific values. */
    public static String normalize(String raw) {
        String s = ConsoleText.message(raw);
        for (int i = 0; i < PATTERNS.length; i++) s = PATTERNS[i].matcher(s).replaceAll(REPLACEMENTS[i]);
        return s.strip();
    }
}
