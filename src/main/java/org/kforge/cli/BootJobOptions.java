package org.kforge.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.kforge.Json;
import org.kforge.boot.BootJob;
import org.kforge.profile.ProfileRegistry;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code kforge boot} that make up a {@link BootJob}; each is the job field of the same name
 * in snake_case ({@code --silence-timeout} is {@code silence_timeout}) but for the few in {@link #FIELDS}.
 * With {@code --job FILE}, the options given on the command line replace the file's fields.
 */
final class BootJobOptions {
    private static final Map<String, String> FIELDS = Map.of("--machine", "machine_options", "--device", "devices",
            "--module", "modules", "--wait", "wait_for_gdb");

    @Option(names = {"-p", "--profile"}, description = "machine profile (kforge profiles lists them; default ${DEFAULT-VALUE})",
            defaultValue = ProfileRegistry.DEFAULT, completionCandidates = ProfileNames.class)
    String profile;
    @Option(names = "--kernel", description = "kernel Image to boot instead of Debian's")
    Path kernel;
    @Option(names = "--kernel-tree", paramLabel = "BUILD_DIR",
            description = "boot what kforge build built: arch/arm64/boot/Image, symbols from System.map")
    Path kernelTree;
    @Option(names = "--initrd", description = "initramfs to use instead of the one kforge builds")
    Path initrd;
    @Option(names = "--no-initrd", description = "boot with no initramfs at all")
    boolean noInitrd;
    @Option(names = "--append", description = "kernel command line words, after the profile's (a console= here replaces the profile's)")
    String append;
    @Option(names = "--disk", description = "raw disk image attached on the profile's disk bus")
    Path disk;
    @Option(names = "--machine", split = ",", description = "extra -machine options, e.g. iommu=smmuv3")
    List<String> machineOptions;
    @Option(names = "--device", description = "extra QEMU -device, e.g. nec-usb-xhci (repeatable)")
    List<String> devices;
    @Option(names = "--dtb", description = "device tree blob for the kernel instead of the one QEMU generates")
    Path dtb;
    @Option(names = "--xen", description = "Xen hypervisor image instead of Debian's (Xen profiles)")
    Path xen;
    @Option(names = "--xen-append", description = "words added to Xen's command line (Xen profiles; --append is dom0's)")
    String xenAppend;
    @Option(names = "--passthrough", paramLabel = "BDF",
            description = "give a host PCI device to the twin (vfio-pci), only when kforge vfio check says it is ready")
    String passthrough;
    @Option(names = "--module", split = ",", description = "kernel modules the initramfs loads (with their dependencies)")
    List<String> modules;
    @Option(names = "--exec", description = "shell command the initramfs runs after the ready marker")
    String exec;
    @Option(names = "--rootfs", paramLabel = "IMAGE|debian",
            description = "boot into this ext4 root image (debian: kforge's cached default, built on first use); ssh forwarded")
    String rootfs;
    @Option(names = "--ssh-port", description = "with --rootfs: the loopback host port forwarded to the guest's sshd (default: a free one)")
    Integer sshPort;
    @Option(names = "--run", paramLabel = "COMMAND",
            description = "with --rootfs: at ssh-ready run COMMAND over ssh, power off, exit with its status (console on stderr)")
    String run;
    @Option(names = "--accel", description = "auto, kvm or tcg (default ${DEFAULT-VALUE}: KVM only for a guest of the host's architecture)",
            defaultValue = "auto")
    String accel;
    @Option(names = "--timeout", description = "seconds of the twin's own time before the boot is called a timeout (default 120; off with --gdb)")
    Integer timeout;
    @Option(names = "--silence-timeout", description = "seconds with no console output before no-console (default 10; off with --gdb)")
    Integer silenceTimeout;
    @Option(names = "--hang-timeout", description = "seconds of silence after output before hang (default 30; off with --gdb)")
    Integer hangTimeout;
    @Option(names = "--gdb", arity = "0..1", fallbackValue = "0", paramLabel = "PORT",
            description = "QEMU's gdbstub on loopback, on PORT or a free port; adds nokaslr so symbols match")
    Integer gdb;
    @Option(names = "--wait", description = "with --gdb: hold the CPU at reset until the debugger continues it")
    boolean waitForGdb;
    @Option(names = "--smp", paramLabel = "N", description = "vCPUs of the twin instead of the profile's (under TCG it gives 1: fastest; the CM4 has 4)")
    Integer smp;
    @Option(names = "--root-wait", description = "seconds the initramfs waits for root= (default ${DEFAULT-VALUE})", defaultValue = "5")
    int rootWait;

    /** The job these options describe, its paths absolute. */
    BootJob job() {
        return BootJob.on(profile).kernel(str(kernel)).kernelTree(str(kernelTree)).initrd(str(initrd)).noInitrd(noInitrd)
                .append(append).disk(str(disk)).rootfs(rootfs).modules(modules).exec(exec).run(run).sshPort(sshPort)
                .accel(accel).timeout(timeout).silenceTimeout(silenceTimeout).hangTimeout(hangTimeout).rootWait(rootWait).smp(smp)
                .gdb(gdb).waitForGdb(waitForGdb).dtb(str(dtb)).xen(str(xen)).xenAppend(xenAppend).machineOptions(machineOptions)
                .devices(devices).passthrough(passthrough).build().absolute(Path.of(""));
    }

    /** The job in {@code file}, with every job option given on this command line in place of the file's field. */
    BootJob over(BootJob file, ParseResult given) {
        ObjectNode merged = Json.json().valueToTree(file);
        ObjectNode mine = Json.json().valueToTree(job());
        for (OptionSpec o : given.matchedOptions()) {
            String field = FIELDS.getOrDefault(o.longestName(), o.longestName().replaceFirst("^--", "").replace('-', '_'));
            if (!isJobField(o)) continue;
            if (mine.has(field)) merged.set(field, mine.get(field));
            else merged.remove(field);
        }
        return Json.json().convertValue(merged, BootJob.class).check();
    }

    private boolean isJobField(OptionSpec o) {
        return o.userObject() instanceof java.lang.reflect.Field f && f.getDeclaringClass() == BootJobOptions.class;
    }

    private static String str(Path p) {
        return p == null ? null : p.toString();
    }
}
