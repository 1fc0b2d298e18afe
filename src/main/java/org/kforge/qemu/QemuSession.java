package org.kforge.qemu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.kforge.KforgeException;

/**
 * A running twin: the QEMU process, its serial console split into lines (each handed to a listener
 * with the time since start, and written to console.log as it comes), its stderr kept, and a stop
 * that asks QMP to quit before it kills.
 */
public final class QemuSession implements AutoCloseable {
    /** Receives every console line, without its line end, on the reader thread. */
    public interface LineListener {
        void line(String text, double seconds);
    }

    private final Process process;
    private final OutputStream consoleLog;
    private final LineListener listener;
    private final long startNanos;
    private final TwinClock twinClock;
    private final java.time.Instant startedAt;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread reader;
    private final Thread errReader;
    private volatile long lastOutputNanos;
    private volatile boolean anyOutput;
    private long partialSince;

    private QemuSession(Process process, OutputStream consoleLog, LineListener listener, long start,
                        java.time.Instant startedAt) {
        this.startedAt = startedAt;
        this.process = process;
        this.consoleLog = consoleLog;
        this.listener = listener;
        this.startNanos = start;
        this.lastOutputNanos = start;
        this.twinClock = TwinClock.of(process.pid(), start);
        this.reader = new Thread(this::readConsole, "qemu-console");
        this.errReader = new Thread(this::readStderr, "qemu-stderr");
    }

    /** Starts QEMU; a missing binary is the host's lack, with the package that fixes it. */
    public static QemuSession start(QemuPlan plan, String qemuPackage, Path consoleLog, LineListener listener) {
        Process p;
        java.time.Instant wall = java.time.Instant.now();
        long start = System.nanoTime();
        try {
            ProcessBuilder pb = new ProcessBuilder(plan.argv());
            if (plan.workDir() != null) pb.directory(plan.workDir().toFile());
            p = pb.start();
        } catch (IOException e) {
            throw KforgeException.hostMissing(plan.binary() + " is not installed", "apt-get install " + qemuPackage);
        }
        try {
            QemuSession s = new QemuSession(p, Files.newOutputStream(consoleLog), listener, start, wall);
            s.reader.start();
            s.errReader.start();
            return s;
        } catch (IOException e) {
            p.destroyForcibly();
            throw KforgeException.badInput("cannot write " + consoleLog + ": " + e.getMessage(), null);
        }
    }

    private void readConsole() {
        byte[] buf = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                long now = System.nanoTime();
                lastOutputNanos = now;
                anyOutput = true;
                consoleLog.write(buf, 0, n);
                consoleLog.flush();
                split(buf, n, now);
            }
        } catch (IOException e) {
            // QEMU went away; what was read is in console.log
        } finally {
            flushPartial(0);
            try {
                consoleLog.close();
            } catch (IOException ignored) {
                // nothing more to save
            }
        }
    }

    private synchronized void split(byte[] buf, int n, long now) {
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                emit(now);
            } else {
                if (partial.size() == 0) partialSince = now;
                partial.write(buf[i]);
            }
        }
    }

    private void emit(long now) {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        // "\r\n", and "\r\r\n" as a serial console under Xen sends it: the line ends where LogLines ends it offline
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == '\r') end--;
        listener.line(line.substring(0, end), (now - startNanos) / 1e9);
    }

    /**
     * Hands over a line that has waited {@code quietMillis} without its newline (a login prompt),
     * so a prompt is seen without input.
     */
    public synchronized void flushPartial(long quietMillis) {
        if (partial.size() > 0 && System.nanoTime() - partialSince >= quietMillis * 1_000_000L) {
            emit(System.nanoTime());
        }
    }

    private void readStderr() {
        try (InputStream in = process.getErrorStream()) {
            in.transferTo(stderr);
        } catch (IOException ignored) {
            // QEMU went away
        }
    }

    /** Wall-clock time QEMU was started: event times are seconds after it. */
    public java.time.Instant startedAt() {
        return startedAt;
    }

    public double secondsSinceStart() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The twin's own time since start: the wall clock less what QEMU waited for a host core ({@link TwinClock}). */
    public double twinSecondsSinceStart() {
        return twinClock.seconds();
    }

    public double secondsSinceOutput() {
        return (System.nanoTime() - lastOutputNanos) / 1e9;
    }

    public boolean anyOutput() {
        return anyOutput;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** QEMU's exit status once it has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /** What QEMU wrote on stderr (its own errors: a bad option, a kernel it cannot load). */
    public String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits until QEMU has ended and every console byte has been read, at most {@code millis}. */
    public boolean awaitExit(long millis) throws InterruptedException {
        boolean ended = process.waitFor(millis, TimeUnit.MILLISECONDS);
        if (ended) {
            reader.join(2000);
            errReader.join(2000);
        }
        return ended;
    }

    /** Stops QEMU: SIGTERM, then SIGKILL; never returns with QEMU still running. */
    public void stop() {
        // SIGTERM: QEMU shuts down as for QMP's quit (block devices flushed and closed), without a QMP
        // connection to open first; SIGKILL only if it does not go
        org.kforge.ChildProcess.stop(process, java.time.Duration.ofSeconds(4));
        try {
            reader.join(2000);
            errReader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
