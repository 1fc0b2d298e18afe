package org.kforge.bisect;

import java.nio.file.Path;

/** Boots a built kernel once and judges the boot with the verdict engine. */
public interface KernelBooter {
    /**
     * Boots {@code image} (attempt counts from 1). A boot that could not happen for the host's sake (QEMU would not
     * start, something missing) throws a {@link org.kforge.KforgeException} with exit 3.
     */
    Boot boot(String commit, Path image, int attempt) throws InterruptedException;

    /** One boot's verdict: its outcome (boot-ok, panic, no-console...), its title, and its console log. */
    record Boot(boolean booted, String outcome, String title, Path log) {
    }
}
