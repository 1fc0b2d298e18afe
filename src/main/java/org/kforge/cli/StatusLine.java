package org.kforge.cli;

import java.io.PrintWriter;

/**
 * One status line on stderr for long work: rewritten in place on a terminal (with the time so far,
 * ticking), one line per change in a log or a pipe.
 */
final class StatusLine implements AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private final long start = System.nanoTime();
    private final Thread ticker;
    private volatile String text = "";

    StatusLine(PrintWriter err) {
        this.err = err;
        ticker = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(1000);
                    draw();
                }
            } catch (InterruptedException done) {
                // closed
            }
        }, "kforge-status");
        ticker.setDaemon(true);
        if (terminal) ticker.start();
    }

    void show(String line) {
        text = line;
        if (terminal) {
            draw();
        } else {
            err.println("kforge: " + line);
            err.flush();
        }
    }

    private synchronized void draw() {
        long s = (System.nanoTime() - start) / 1_000_000_000L;
        String line = String.format("kforge: [%d:%02d] %s", s / 60, s % 60, text);
        err.print("\r\033[K" + (line.length() > 110 ? line.substring(0, 110) : line));
        err.flush();
    }

    @Override
    public void close() {
        ticker.interrupt();
        if (terminal && !text.isEmpty()) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
