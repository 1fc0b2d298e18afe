package org.kforge.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A board's console bytes as they come, in chunks of any size: kept raw in the log, and cut into lines for
 * the listener. A line ends at LF; CR is line noise (CRLF from the tty's ONLCR, LFCR and CRCRLF from serial
 * servers, a bare CR of a progress bar) and is dropped. A line that waits without its LF can be flushed
 * (a login prompt).
 */
public final class ConsoleFeed {
    /** Receives each line, without its end, and the seconds since the feed started. */
    public interface LineListener {
        void line(String text, double seconds);
    }

    private final OutputStream raw;
    private final LineListener listener;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final long start = System.nanoTime();
    private volatile long lastBytes = System.nanoTime();
    private long partialSince;

    public ConsoleFeed(OutputStream raw, LineListener listener) {
        this.raw = raw;
        this.listener = listener;
    }

    public synchronized void accept(byte[] buf, int off, int len) throws IOException {
        long now = System.nanoTime();
        lastBytes = now;
        if (raw != null) {
            raw.write(buf, off, len);
            raw.flush();
        }
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b == '\n') {
                emit(now);
            } else if (b != '\r') {
                if (partial.size() == 0) partialSince = now;
                if (partial.size() < 64 * 1024) partial.write(b);
            }
        }
    }

    private void emit(long now) {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        listener.line(line, (now - start) / 1e9);
    }

    /** Hands over a line that has waited {@code quietMillis} without its LF. */
    public synchronized void flushPartial(long quietMillis) {
        if (partial.size() > 0 && System.nanoTime() - partialSince >= quietMillis * 1_000_000L) emit(System.nanoTime());
    }

    public double secondsSinceBytes() {
        return (System.nanoTime() - lastBytes) / 1e9;
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
