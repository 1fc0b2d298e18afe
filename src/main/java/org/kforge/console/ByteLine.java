package org.kforge.console;

/**
 * A line of a log still in its read buffer, seen as ISO-8859-1 characters without copying: the
 * doctor's prefilter looks at it first and makes a String only of the few lines a rule may match.
 */
final class ByteLine implements CharSequence {
    private byte[] buf;
    private int start;
    private int length;

    ByteLine set(byte[] buf, int start, int end) {
        this.buf = buf;
        this.start = start;
        this.length = end - start;
        return this;
    }

    boolean isBlank(int from) {
        for (int i = start + from, end = start + length; i < end; i++) if (buf[i] != ' ' && buf[i] != '\t') return false;
        return true;
    }

    /** True when the line holds {@code literal} (ASCII). */
    boolean contains(String literal) {
        int n = literal.length();
        if (n == 0) return true;
        char first = literal.charAt(0);
        next:
        for (int i = start, last = start + length - n; i <= last; i++) {
            if (buf[i] != first) continue;
            for (int j = 1; j < n; j++) if (buf[i + j] != literal.charAt(j)) continue next;
            return true;
        }
        return false;
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return start;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return (char) (buf[start + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return toString().substring(from, to);
    }

    @Override
    public String toString() {
        return new String(buf, start, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
