package org.kforge.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;

/** Where runs live ({@code runs/} under the cache) and which is the latest ({@code runs/latest}). */
public final class RunRegistry {
    private final Path runs;

    public RunRegistry(CacheDir cache) {
        this.runs = cache.root().resolve("runs");
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
