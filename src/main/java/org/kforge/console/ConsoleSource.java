package org.kforge.console;

/**
 * Someone other than the kernel printing on the same console (Xen's "(XEN)" lines), known by the
 * prefix of its lines (console/rules.yaml, sources): its lines are not the kernel speaking, and a
 * failure of its layer is named after it ("hypervisor (Xen)").
 */
public record ConsoleSource(Rule.Layer layer, String name, String prefix) {

    /** Whether the prefix opens the message (after the indent of a quoted log, if any). */
    public boolean opens(CharSequence message) {
        int from = ConsoleText.quoteIndent(message);
        int n = prefix.length();
        if (message.length() - from < n) return false;
        for (int i = 0; i < n; i++) if (message.charAt(from + i) != prefix.charAt(i)) return false;
        return true;
    }

    boolean opens(byte[] buf, int start, int end) {
        int indentEnd = Math.min(end, start + 16);
        while (start < indentEnd && (buf[start] == ' ' || buf[start] == '\t')) start++;
        int n = prefix.length();
        if (end - start < n) return false;
        for (int i = 0; i < n; i++) if ((buf[start + i] & 0xFF) != prefix.charAt(i)) return false;
        return true;
    }
}
