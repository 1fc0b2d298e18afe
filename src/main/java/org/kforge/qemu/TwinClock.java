package org.kforge.qemu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The twin's own time: wall-clock seconds since QEMU started, less the time its busiest thread spent
 * waiting for a host core (the second field of /proc/PID/task/TID/schedstat, Documentation/scheduler/
 * sched-stats.rst). On a quiet host the two are the same; on a host whose cores are taken by other
 * work, a TCG guest is not called silent for time it never got to run. Where schedstat cannot be read
 * the clock is the wall clock.
 */
public final class TwinClock {
    private final Path tasks;
    private final long startNanos;
    private final long waitedAtStart;

    private TwinClock(long pid, long startNanos) {
        this.tasks = Path.of("/proc", Long.toString(pid), "task");
        this.startNanos = startNanos;
        this.waitedAtStart = maxWaitNanos();
    }

    /** A clock for the process {@code pid}, started at {@code startNanos} ({@link System#nanoTime()}). */
    public static TwinClock of(long pid, long startNanos) {
        return new TwinClock(pid, startNanos);
    }

    /** Wall seconds since the start, less the run-queue wait of QEMU's most delayed thread. */
    public double seconds() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double waited = Math.max(0, maxWaitNanos() - waitedAtStart) / 1e9;
        return Math.max(0, wall - Math.min(waited, wall));
    }

    /** How long QEMU's threads waited for a core, the longest of them; 0 where the kernel does not say. */
    private long maxWaitNanos() {
        long max = 0;
        try (DirectoryStream<Path> ts = Files.newDirectoryStream(tasks)) {
            for (Path t : ts) {
                try {
                    String[] f = Files.readString(t.resolve("schedstat")).trim().split("\\s+");
                    if (f.length >= 2) max = Math.max(max, Long.parseLong(f[1]));
                } catch (IOException | NumberFormatException gone) {
                    // a thread that ended, or a kernel without schedstat: it adds nothing
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return max;
        }
        return max;
    }
}
