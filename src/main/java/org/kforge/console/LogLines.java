package org.kforge.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.kforge.InputFile;
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
        boolean afterCr = false;
        while (true) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) break;
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
                int i = start;
                while (i < limit && buf[i] != '\n' && buf[i] != '\r') i++;
                if (i < limit) {
                    sink.line(buf, start, i);
                    afterCr = buf[i] == '\r';
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
        if (filled > 0) sink.line(buf, 0, filled);
        return total;
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
