package org.kforge.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kforge.KforgeException;
import java.util.Comparator;
import java.util.List;
import org.kforge.asset.CacheDir;
import org.kforge.asset.FileTrees;

/**
 * Where runs live ({@code runs/} under the cache) and which is the latest ({@code runs/latest}).
 * The newest {@link #KEEP} runs are kept; older ones go when a new one starts (runs given --out are the user's).
 */
public final class RunRegistry {
    public static final int KEEP = 50;
    private final Path runs;

    public RunRegistry(CacheDir cache) {
        this.runs = cache.root().resolve("runs");
    }

    /** A new run directory's path (not made yet): runs/TIME-NAME under the cache; names sort by time. */
    public static Path newRun(CacheDir cache, String name) {
        // yyyyMMdd-HHmmss-SSS, by hand: a DateTimeFormatter pattern loads the locale machinery before QEMU starts
        java.time.LocalDateTime t = java.time.LocalDateTime.now();
        String stamp = pad(t.getYear(), 4) + pad(t.getMonthValue(), 2) + pad(t.getDayOfMonth(), 2) + "-" + pad(t.getHour(), 2)
                + pad(t.getMinute(), 2) + pad(t.getSecond(), 2) + "-" + pad(t.getNano() / 1_000_000, 3);
        return cache.root().resolve("runs").resolve(stamp + "-" + name);
    }

    private static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** Points {@code runs/latest} at a run directory. */
    public void markLatest(Path runDir) {
        try {
            Files.createDirectories(runs);
            Path tmp = runs.resolve(".latest-" + ProcessHandle.current().pid());
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, runDir.toAbsolutePath());
            Files.move(tmp, runs.resolve("latest"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a missing "latest" link only costs naming the run by hand
        }
        // housekeeping off the boot's path: QEMU should start as soon as it can
        Thread pruner = new Thread(this::prune, "kforge-prune-runs");
        pruner.setDaemon(true);
        pruner.start();
    }

    /** Deletes all but the newest KEEP run directories (names start with their time, so they sort). */
    private void prune() {
        try (var s = Files.list(runs)) {
            List<Path> old = s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().matches("[0-9]{8}-[0-9]{6}-.*"))
                    .sorted(Comparator.reverseOrder()).skip(KEEP).toList();
            for (Path p : old) {
                if (Files.exists(p.resolve(RunSession.FILE)) && RunSession.read(p).alive()) continue;
                FileTrees.delete(p);
            }
        } catch (IOException | RuntimeException e) {
            // pruning is housekeeping: a run that cannot go now goes next time
        }
    }

    /** A run given as a directory, a name under runs/, or null for the latest; it must be running. */
    public RunSession running(String run) {
        Path dir = run == null ? runs.resolve("latest") : Path.of(run);
        if (run != null && !Files.isDirectory(dir)) dir = runs.resolve(run);
        if (!Files.exists(dir)) {
            throw KforgeException.badInput(run == null ? "no kforge boot has run yet" : "no run " + run,
                    "start one with kforge boot --gdb (in another terminal)");
        }
        RunSession s = RunSession.read(dir);
        if (!s.alive()) {
            throw KforgeException.badInput("the run in " + s.runDir() + " has ended (its QEMU is gone)",
                    "start one with kforge boot --gdb (in another terminal)");
        }
        return s;
    }
}
