package org.kforge.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.kforge.InputFile;
import org.kforge.KforgeException;
import org.kforge.Limits;

/**
 * Streams a log as lines without ever holding more than one buffer: bytes become ISO-8859-1
 * strings (a plain copy, so a 1 GB log reads fast and no byte sequence can fail to decode); a line
 * ends at "\n", "\r\n" or a lone "\r"; a log past {@link Limits#LOG_BYTES} is refused;
 * {@link #utf8} turns text meant for a reader back into UTF-8. A line longer than
 * {@link #MAX_LINE} bytes (binary garbage) is cut into pieces.
 */
public final class LogLines {
    static final int MAX_LINE = Limits.LINE_CHARS;
    private static final int BUFFER = 1 << 20;

    private LogLines() {
    }

    /**
     * Where lines go while still in the read buffer: bytes [start, end) of buf, without "\n" or "\r\n";
     * {@code control}: they hold a control byte other than tab (an escape sequence...), so the line must be made printable.
     */
    interface RawSink {
        void line(byte[] buf, int start, int end, boolean control);
    }

    /** Feeds every line (without "\n" or "\r\n") to {@code sink}; returns the number of bytes read. */
    public static long read(InputStream in, Consumer<String> sink) throws IOException {
        return readRaw(in, (buf, start, end, control) -> sink.accept(line(buf, start, end)));
    }

    /** As {@link #read}, handing over the bytes of each line without making a String of it. */
    static long readRaw(InputStream in, RawSink sink) throws IOException {
        byte[] buf = new byte[BUFFER];
        int filled = 0;
        long total = 0;
        boolean afterCr = false;
        int[] utf8 = {0};
        long controls = 0;
        while (true) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) break;
            if (total < Limits.TEXT_PROBE_BYTES) {
                controls += notText(buf, filled, n, utf8);
                if (total + n >= Limits.TEXT_PROBE_BYTES && controls * 10 > (total + n) * 3) {
                    throw KforgeException.badInput("the log is not text: " + (100 * controls / (total + n)) + "% of its first "
                            + Limits.size(total + n) + " are NUL, control bytes or no UTF-8", "give the console log itself (a device or binary file is none)");
                }
            }
            total += n;
            if (total > Limits.LOG_BYTES) throw InputFile.tooLarge("the log", Limits.LOG_BYTES);
            filled += n;
            int start = 0;
            while (true) {
                if (afterCr) {
                    // "\r\n", "\r\r\n" and a lone "\r" (a CR-only log) each end one line
                    while (start < filled && buf[start] == '\r') start++;
                    if (start == filled) break;
                    if (buf[start] == '\n') start++;
                    afterCr = false;
                }
                int limit = Math.min(filled, start + MAX_LINE);
                long end = lineEnd(buf, start, limit);
                int i = (int) end;
                if (i < limit) {
                    sink.line(buf, start, i, end < 0);
                    afterCr = buf[i] == '\r';
                    start = i + 1;
                } else if (limit < filled) {
                    sink.line(buf, start, limit, end < 0);
                    start = limit;
                } else {
                    break;
                }
            }
            System.arraycopy(buf, start, buf, 0, filled - start);
            filled -= start;
        }
        if (filled > 0) sink.line(buf, 0, filled, lineEnd(buf, 0, filled) < 0);
        return total;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** The sign bit of {@link #lineEnd}'s answer: a control byte came before the end. */
    private static final long CONTROL = Long.MIN_VALUE;

    /**
     * The index of the first '\n' or '\r' in [from, to), or {@code to}; negative (the index in the low
     * 32 bits) when a control byte other than tab came before it. Eight bytes at a time: a word without
     * a byte below 0x20 or a DEL holds neither, and only a word that does is looked at byte by byte.
     */
    static long lineEnd(byte[] buf, int from, int to) {
        long control = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(buf, i);
            long del = w ^ 0x7F * ONES;
            if ((((w - 0x20 * ONES) & ~w & HIGHS) | ((del - ONES) & ~del & HIGHS)) == 0) continue;
            for (int k = i; k < i + 8; k++) {
                byte b = buf[k];
                if (b == '\n' || b == '\r') return k | control;
                if (b >= 0 && b < 0x20 && b != '\t' || b == 0x7F) control = CONTROL;
            }
        }
        for (; i < to; i++) {
            byte b = buf[i];
            if (b == '\n' || b == '\r') return i | control;
            if (b >= 0 && b < 0x20 && b != '\t' || b == 0x7F) control = CONTROL;
        }
        return to | control;
    }

    /**
     * Bytes no console text holds: NUL and C0 controls other than tab, newline, carriage return, backspace and
     * ESC (which consoles print), and bytes that are not UTF-8; {@code pending[0]} carries an open sequence.
     */
    private static long notText(byte[] buf, int from, int n, int[] pending) {
        long bad = 0;
        for (int i = from; i < from + n; i++) {
            int b = buf[i] & 0xff;
            if (pending[0] > 0) {
                if ((b & 0xC0) == 0x80) {
                    pending[0]--;
                    continue;
                }
                bad++;
                pending[0] = 0;
            }
            if (b < 0x80) {
                if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\b' && b != 0x1B) bad++;
            } else if ((b & 0xE0) == 0xC0) {
                pending[0] = 1;
            } else if ((b & 0xF0) == 0xE0) {
                pending[0] = 2;
            } else if ((b & 0xF8) == 0xF0) {
                pending[0] = 3;
            } else {
                bad++;
            }
        }
        return bad;
    }

    private static String line(byte[] buf, int start, int end) {
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** Text read by {@link #read} as UTF-8 again, exactly (for a terminal, it goes through TerminalText). */
    public static String utf8(String latin1) {
        if (latin1 == null) return null;
        boolean ascii = true;
        for (int i = 0; i < latin1.length() && ascii; i++) ascii = latin1.charAt(i) < 0x80;
        String s = ascii ? latin1 : new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return s;
    }
}
