package org.kforge.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Streams a log as lines without ever holding more than one buffer: bytes become ISO-8859-1
 * strings (a plain copy, so a 1 GB log reads fast and no byte sequence can fail to decode);
 * {@link #utf8} turns text meant for a reader back into UTF-8. A line longer than
 * {@link #MAX_LINE} bytes (binary garbage) is cut into pieces.
 */
public final class LogLines {
    static final int MAX_LINE = 16 * 1024;
    private static final int BUFFER = 1 << 20;

    private LogLines() {
    }

    /** Where lines go while still in the read buffer: bytes [start, end) of buf, without "\n" or "\r\n". */
    interface RawSink {
        void line(byte[] buf, int start, int end);
    }

    /** Feeds every line (without "\n" or "\r\n") to {@code sink}; returns the number of bytes read. */
    public static long read(InputStream in, Consumer<String> sink) throws IOException {
        return readRaw(in, (buf, start, end) -> sink.accept(line(buf, start, end)));
    }

    /** As {@link #read}, handing over the bytes of each line without making a String of it. */
    static long readRaw(InputStream in, RawSink sink) throws IOException {
        byte[] buf = new byte[BUFFER];
        int filled = 0;
        long total = 0;
        while (true) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) break;
            total += n;
            filled += n;
            int start = 0;
            while (true) {
                int limit = Math.min(filled, start + MAX_LINE);
                int i = newline(buf, start, limit);
                if (i < limit) {
                    sink.line(buf, start, trimCr(buf, start, i));
                    start = i + 1;
                } else if (limit < filled) {
                    sink.line(buf, start, limit);
                    start = limit;
                } else {
                    break;
                }
            }
            System.arraycopy(buf, start, buf, 0, filled - start);
            filled -= start;
        }
        if (filled > 0) sink.line(buf, 0, trimCr(buf, 0, filled));
        return total;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    /** The index of the first '\n' in [from, to), or {@code to}: eight bytes at a time (a zero byte of x ^ "\n\n..."). */
    static int newline(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(buf, i) ^ NEWLINES;
            long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (zero != 0) return i + (Long.numberOfTrailingZeros(zero) >>> 3);
        }
        while (i < to && buf[i] != '\n') i++;
        return i;
    }

    private static int trimCr(byte[] buf, int start, int end) {
        return end > start && buf[end - 1] == '\r' ? end - 1 : end;
    }

    private static String line(byte[] buf, int start, int end) {
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** Text read by {@link #read} as UTF-8 again, with control characters (C0 and C1) removed. */
    public static String utf8(String latin1) {
        if (latin1 == null) return null;
        boolean ascii = true;
        for (int i = 0; i < latin1.length() && ascii; i++) ascii = latin1.charAt(i) < 0x80;
        String s = ascii ? latin1 : new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return ConsoleText.printable(s).replaceAll("[\\u0080-\\u009F]", "");
    }
}
