package org.kforge.boot;

import java.nio.file.Path;
import java.util.List;

/**
 * A boot's inputs once found: files on disk (downloaded, or named by the user), the modules the initramfs
 * loads in their load order, and the loopback ports reserved. What the pure {@link BootPlanner} plans from.
 * {@code kernelProvenance}, {@code modulesRoot} and {@code modulesDir} are null for a kernel without a
 * package; {@code busybox} is null when the user brings the initramfs (or none); {@code hypervisor} is null
 * off Xen; a port is null when not asked for.
 */
public record BootAssets(Path kernel, String kernelProvenance, Path busybox, List<Path> modules, Path modulesRoot,
                         Path modulesDir, Path hypervisor, Integer gdbPort, Integer sshPort) {
    public BootAssets {
        modules = modules == null ? List.of() : List.copyOf(modules);
    }
}
