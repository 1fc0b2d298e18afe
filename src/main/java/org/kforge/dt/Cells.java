package org.kforge.dt;

import java.util.Arrays;
import java.util.StringJoiner;

/** Multi-cell addresses as int[] of big-endian 32-bit cells, read the way Linux's of_read_number does. */
public final class Cells {
    private Cells() {
    }

    /** The number in {@code count} cells from {@code from}; like of_read_number, only the low 64 bits survive. */
    public static long number(int[] cells, int from, int count) {
        long r = 0;
        for (int i = from; i < from + count; i++) r = (r << 32) | (cells[i] & 0xffffffffL);
        return r;
    }

    public static long number(int[] cells) {
        return number(cells, 0, cells.length);
    }

    /** {@code value} spread over {@code count} cells, high cells zero. */
    public static int[] of(long value, int count) {
        int[] c = new int[count];
        if (count > 0) c[count - 1] = (int) value;
        if (count > 1) c[count - 2] = (int) (value >>> 32);
        return c;
    }

    public static int[] slice(int[] cells, int from, int count) {
        return Arrays.copyOfRange(cells, from, from + count);
    }

    /** "<0x0 0x7e201000>" */
    public static String format(int[] cells) {
        StringJoiner j = new StringJoiner(" ", "<", ">");
        for (int c : cells) j.add("0x" + Integer.toHexString(c));
        return j.toString();
    }

    /** "-0xc0000000": an offset between address spaces. */
    public static String signedHex(long v) {
        return v < 0 ? "-0x" + Long.toHexString(-v) : "0x" + Long.toHexString(v);
    }

    /** "0xfe201000" */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
