package org.kforge.bisect;

import java.nio.file.Path;

/** Boots a built kernel once and judges the boot with the verdict engine. */
public interface KernelBooter {
    /**
     * Boots {@code image} (attempt counts from 1). A boot that could not happen for the host's sake (QEMU would not
     * start, something missing) throws a {@link org.kforge.KforgeException} with exit 3.
     */
    Boot boot(String commit, Path image, int attempt) throws InterruptedException;

    /** A step's boot's own run directory under {@code runs}, {@code <commit, 12 digits>-<attempt>}: emptied, then made. */
    static Path freshRunDir(Path runs, String commit, int attempt) throws java.io.IOException {
        Path dir = runs.resolve(commit.substring(0, Math.min(12, commit.length())) + "-" + attempt);
        org.kforge.asset.FileTrees.delete(dir);
        java.nio.file.Files.createDirectories(dir);
        return dir;
    }

    /** One boot's verdict: its outcome (boot-ok, panic, no-console...), its title, and its console log. */
    record Boot(boolean booted, String outcome, String title, Path log) {
    }
}
