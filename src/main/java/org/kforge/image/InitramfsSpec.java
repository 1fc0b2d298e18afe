package org.kforge.image;

import java.nio.file.Path;
import java.util.List;

/**
 * What goes into a kforge initramfs: a static busybox, modules in load order (their paths in the
 * kernel package relative to {@code modulesRoot}, the package's {@code lib/modules}, and stored under the
 * same path in the image), the command to run, and how long
 * {@code /init} waits for root=. {@code moduleIndex} (or null): the kernel's {@code lib/modules/RELEASE}, whose
 * modules.builtin goes along so tools in the guest can tell a built-in driver from a missing one.
 */
public record InitramfsSpec(Path busybox, Path modulesRoot, List<Path> modules, String command, int rootWaitSeconds,
                            Path moduleIndex) {
    public InitramfsSpec {
        modules = List.copyOf(modules);
    }
}
