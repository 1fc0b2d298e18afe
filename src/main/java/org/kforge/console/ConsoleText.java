package org.kforge.console;

import java.util.regex.Pattern;

/** What a console line says once terminal escapes, control bytes and the printk timestamp are gone. */
public final class ConsoleText {
    // CSI sequences (ESC [ ... final byte) and two-byte ESC sequences (ECMA-48)
    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");
    // "[    1.234567] " as printk prints it with CONFIG_PRINTK_TIME (kernel/printk/printk.c print_time)
    private static final Pattern TIMESTAMP = Pattern.compile("^\\[\\s*[0-9]+\\.[0-9]+\\]\\s?");

    private ConsoleText() {
    }

    /** The line with escapes and control bytes removed: safe to print to a terminal. */
    public static String printable(String raw) {
        String s = raw.indexOf('\u001B') >= 0 ? ESCAPES.matcher(raw).replaceAll("") : raw;
        return CONTROL.matcher(s).replaceAll("");
    }

    /** The printable line without its printk timestamp: what rules match against. */
    public static String message(String raw) {
        return TIMESTAMP.matcher(printable(raw)).replaceFirst("");
    }
}
