package org.kforge.console;

import java.util.regex.Pattern;

/** What a console line says once terminal escapes, control bytes and the printk timestamp are gone. */
public final class ConsoleText {
    // control strings whole, payload included (OSC, DCS, SOS, PM, APC up to BEL or ST), CSI sequences
    // (ESC [ ... final byte) and two-byte ESC sequences (ECMA-48 8.3.89, 5.4, 5.3)
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B[\\]PX^_].*?(?:\u0007|\u001B\\\\|$)|\u001B\\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");

    private ConsoleText() {
    }

    /** The line with escapes and control bytes removed: safe to print to a terminal. */
    public static String printable(String raw) {
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) break;
            i++;
        }
        if (i == n) return raw;
        String s = raw.indexOf('\u001B') >= 0 ? ESCAPES.matcher(raw).replaceAll("") : raw;
        return CONTROL.matcher(s).replaceAll("");
    }

    /** The printable line without its printk timestamp: what rules match against. */
    public static String message(String raw) {
        String s = printable(raw);
        int end = messageStart(s);
        return end > 0 ? s.substring(end) : s;
    }

    /** The printk time of a printable line in seconds, or -1 when it has none. */
    public static double seconds(String printable) {
        if (timestampEnd(printable) == 0) return -1;
        int open = printable.indexOf('[');
        int close = printable.indexOf(']');
        try {
            return Double.parseDouble(printable.substring(open + 1, close).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Where the message starts after "[    1.234567] " (CONFIG_PRINTK_TIME, kernel/printk/printk.c
     * print_time) and an optional caller id "[  T123] " or "[    C0] " (CONFIG_PRINTK_CALLER); 0 if none.
     */
    public static int timestampEnd(CharSequence s) {
        int from = quoteIndent(s);
        int guest = guestPrefixEnd(s, from);
        int end = bracket(s, guest, true);
        if (end < 0) end = humanTime(s, guest);
        if (end < 0) return guest == from ? 0 : guest;
        int caller = bracket(s, end, false);
        if (caller > 0) end = caller;
        if (end < s.length() && s.charAt(end) == ' ') end++;
        return end;
    }

    /**
     * {@link #timestampEnd(CharSequence)} on bytes [from, to) of a read buffer (ISO-8859-1), relative to
     * {@code from}: the doctor's hot path, without a call per character.
     */
    static int timestampEnd(byte[] b, int from, int to) {
        // a quoted log's indent before the timestamp: the rare case, read as characters
        if (from < to && (b[from] == ' ' || b[from] == '\t')) return timestampEnd(new ByteLine().set(b, from, to));
        int guest = guestPrefixEnd(b, from, to);
        int end = bracket(b, from + guest, to, true);
        if (end < 0 && from + guest < to && b[from + guest] == '[') return timestampEnd(new ByteLine().set(b, from, to));
        if (end < 0) return guest;
        int caller = bracket(b, end, to, false);
        if (caller > 0) end = caller;
        if (end < to && b[end] == ' ') end++;
        return end - from;
    }

    /** {@link #guestPrefixEnd(CharSequence)} on bytes, relative to {@code from}. */
    private static int guestPrefixEnd(byte[] b, int from, int to) {
        if (to - from < 12 || b[from] != '(') return 0;
        return guestPrefixEnd(new ByteLine().set(b, from, to), 0);
    }

    /** {@link #bracket(CharSequence, int, boolean)} on bytes: the absolute index after "]", or -1. */
    private static int bracket(byte[] b, int from, int to, boolean time) {
        int i = from;
        if (i >= to || b[i] != '[') return -1;
        i++;
        while (i < to && b[i] == ' ') i++;
        int start = i;
        if (!time && i < to && (b[i] == 'T' || b[i] == 'C')) i++;
        int digits = i;
        while (i < to && b[i] >= '0' && b[i] <= '9') i++;
        if (i == digits) return -1;
        if (!time && digits == start) return -1;
        if (time) {
            if (i >= to || b[i] != '.') return -1;
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') i++;
        }
        return i < to && b[i] == ']' ? i + 1 : -1;
    }

    /**
     * After a hypervisor's relay prefix "(NAME) DOMn: " (a dom0less guest's output on Xen's console,
     * xen/drivers/char/console.c), or 0.
     */
    private static int guestPrefixEnd(CharSequence s, int from) {
        if (s.length() < from + 12 || s.charAt(from) != '(') return from;
        int i = from + 1;
        while (i < s.length() && i < from + 10 && s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') i++;
        if (i == from + 1 || i + 5 >= s.length() || s.charAt(i) != ')' || s.charAt(i + 1) != ' ') return from;
        if (s.charAt(i + 2) != 'D' || s.charAt(i + 3) != 'O' || s.charAt(i + 4) != 'M') return from;
        i += 5;
        int digits = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i == digits || i + 1 >= s.length() || s.charAt(i) != ':' || s.charAt(i + 1) != ' ') return from;
        return i + 2;
    }

    /**
     * The blanks before a line of a log quoted with an indent (a mail or an issue that indents what it
     * quotes), when a printk timestamp "[" or a source's "(NAME)" prefix follows them; else 0.
     */
    public static int quoteIndent(CharSequence s) {
        int n = Math.min(s.length(), 16);
        int i = 0;
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        if (i == 0 || i >= s.length()) return 0;
        char c = s.charAt(i);
        if (c == '[') return bracket(s, i, true) > 0 ? i : 0;
        return c == '(' && i + 1 < s.length() && s.charAt(i + 1) >= 'A' && s.charAt(i + 1) <= 'Z' ? i : 0;
    }

    /** Where the message of a printable line starts: after its timestamp, else after a quoted log's indent. */
    public static int messageStart(CharSequence s) {
        int end = timestampEnd(s);
        return end > 0 ? end : quoteIndent(s);
    }

    /** After "[Wed Jan 26 18:40:14 2022] " (dmesg -T, util-linux), or -1. */
    private static int humanTime(CharSequence s, int from) {
        int n = s.length();
        if (from + 26 > n || s.charAt(from) != '[' || !Character.isUpperCase(s.charAt(from + 1))) return -1;
        int colons = 0;
        for (int i = from + 1; i < n && i < from + 34; i++) {
            char c = s.charAt(i);
            if (c == ']') return colons == 2 && i + 1 < n && s.charAt(i + 1) == ' ' ? i + 2 : -1;
            if (c == ':') colons++;
            else if (!Character.isLetterOrDigit(c) && c != ' ') return -1;
        }
        return -1;
    }

    private static int bracket(CharSequence s, int from, boolean time) {
        int n = s.length();
        int i = from;
        if (i >= n || s.charAt(i) != '[') return -1;
        i++;
        while (i < n && s.charAt(i) == ' ') i++;
        int start = i;
        if (!time && i < n && (s.charAt(i) == 'T' || s.charAt(i) == 'C')) i++;
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0) return -1;
        if (time) {
            if (i >= n || s.charAt(i) != '.') return -1;
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) i++;
        } else if (i == start + digits) {
            return -1;
        }
        return i < n && s.charAt(i) == ']' ? i + 1 : -1;
    }
}
