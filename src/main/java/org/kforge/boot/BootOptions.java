package org.kforge.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a user asked of one twin boot. Null paths mean "kforge's default": Debian's kernel,
 * an initramfs kforge builds, a run directory under the cache. A null timeout is off (a boot
 * under a debugger may sit at a breakpoint for as long as its user likes). {@code gdbPort}: null
 * for no gdbstub, 0 for a free port; {@code sshPort} likewise forwards a host port to the guest's sshd;
 * {@code diskSnapshot} keeps the disk file as it is (writes go to a temporary overlay).
 */
public record BootOptions(String profile, Path kernel, Path initrd, boolean noInitrd, String append,
                          Path disk, List<String> modules, String exec, Path out, String accel,
                          Duration timeout, Duration silenceTimeout, Duration hangTimeout, int rootWaitSeconds,
                          boolean refresh, List<String> machineOptions, List<String> devices,
                          Integer gdbPort, boolean waitForGdb, Path dtb, Path xen, String xenAppend,
                          Integer sshPort, boolean diskSnapshot) {
    public BootOptions {
        modules = modules == null ? List.of() : List.copyOf(modules);
        machineOptions = machineOptions == null ? List.of() : List.copyOf(machineOptions);
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
