package org.kforge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.boot.BootOptions;
import org.kforge.boot.BootPlan;
import org.kforge.boot.BootPlanner;
import org.kforge.boot.BootResult;
import org.kforge.boot.KernelSymbols;
import org.kforge.boot.RunRegistry;
import org.kforge.boot.TwinBoot;
import org.kforge.pci.Bdf;
import org.kforge.pci.SysfsSnapshot;
import org.kforge.pci.VfioCheck;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;
import org.kforge.qemu.HostFacts;
import org.kforge.report.ResultJson;
import org.kforge.report.VerdictText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "boot", mixinStandardHelpOptions = true,
        description = {"Boot a kernel on a QEMU twin, watch its console and say what happened.",
                "With no options: Debian's arm64 kernel and busybox on qemu-virt-arm64."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:booted (or the --exec command's status; devices may have failed: --strict)", "1:the target failed (panic, no root, silence, timeout)",
                "2:bad usage or bad input", "3:the host lacks something (the message names the package)"})
final class BootCommand implements Callable<Integer> {
    @Option(names = {"-p", "--profile"}, description = "machine profile (kforge profiles lists them; default ${DEFAULT-VALUE})",
            defaultValue = ProfileRegistry.DEFAULT)
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
    @Option(names = "--out", description = "run directory (default: runs/<time>-<profile> under the cache)")
    Path out;
    @Option(names = "--accel", description = "auto, kvm or tcg (default ${DEFAULT-VALUE}: KVM only for a guest of the host's architecture)",
            defaultValue = "auto")
    String accel;
    @Option(names = "--timeout", description = "seconds before the boot is called a timeout (default 120; off with --gdb)")
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
    @Option(names = "--root-wait", description = "seconds the initramfs waits for root= (default ${DEFAULT-VALUE})", defaultValue = "5")
    int rootWait;
    @Option(names = "--dry-run", description = "print the plan (QEMU argv, a reason per option) and do nothing")
    boolean dryRun;
    @Option(names = "--json", description = "print result.json on stdout (the console goes to stderr)")
    boolean json;
    @Option(names = "--strict", description = "exit 1 for a booted system whose devices failed too")
    boolean strict;
    @Option(names = {"-q", "--quiet"}, description = "do not echo the console")
    boolean quiet;
    @Option(names = "--refresh", description = "ask Debian for the newest kernel and busybox instead of the cached ones")
    boolean refresh;
    @Option(names = "--verbose", description = "stack traces on internal errors")
    boolean verbose;

    /** Adds the vfio-pci device when the host can pass {@code bdf} through; otherwise the check's verdict and exit 3. */
    private static List<String> withPassthrough(List<String> devices, String bdf) {
        SysfsSnapshot host = SysfsSnapshot.live();
        VfioCheck.Verdict v = VfioCheck.run(host, Bdf.parse(bdf));
        if (!v.ready()) {
            System.err.println("NOT READY: vfio passthrough of " + v.bdf());
            v.findings().forEach(f -> System.err.println(f.line()));
            throw KforgeException.hostMissing("--passthrough " + v.bdf() + ": this host cannot give the device to a guest (kforge vfio check, above)",
                    "fix the first 'fail' line, or boot without --passthrough");
        }
        List<String> all = new java.util.ArrayList<>(devices == null ? List.of() : devices);
        all.add("vfio-pci,host=" + v.bdf());
        return all;
    }

    /** A timeout the user gave, or its default; under a debugger the defaults are off. */
    private Duration limit(Integer given, int seconds) {
        if (given != null && given <= 0) throw KforgeException.badInput("timeouts must be positive", null);
        if (given != null) return Duration.ofSeconds(given);
        return gdb != null ? null : Duration.ofSeconds(seconds);
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        // the rules engine is needed only when QEMU prints its first line: load it while the boot is planned
        Thread rules = new Thread(org.kforge.console.RuleBook::builtIn, "kforge-load-rules");
        rules.setDaemon(true);
        rules.start();
        if (!List.of("auto", "kvm", "tcg").contains(accel)) {
            throw KforgeException.badInput("--accel " + accel + ": expected auto, kvm or tcg", null);
        }
        if (waitForGdb && gdb == null) throw KforgeException.badInput("--wait holds the CPU for a debugger: give --gdb too", null);
        if (gdb != null && (gdb < 0 || gdb > 65535)) throw KforgeException.badInput("--gdb " + gdb + ": not a TCP port", null);
        MachineProfile p = ProfileRegistry.builtIn().select(profile);
        if (passthrough != null) devices = withPassthrough(devices, passthrough);
        if (kernelTree != null) kernel = BuiltTree.image(kernelTree, kernel);
        RootfsBoot rb = RootfsBoot.of(rootfs, sshPort, run, disk, exec, p, CacheDir.fromEnvironment(), dryRun);
        BootOptions o = new BootOptions(p.name(), kernel, initrd, noInitrd, rb.append(append), rb.disk(disk), rb.modules(modules), exec, out,
                accel.equals("auto") ? null : accel, limit(timeout, 120), limit(silenceTimeout, 10),
                limit(hangTimeout, 30), rootWait, refresh, machineOptions, devices, gdb, waitForGdb, dtb, xen, xenAppend,
                rb.sshPort(), rb.cached());
        PrintStream human = json || run != null ? System.err : System.out;
        BootPlan plan = new BootPlanner(CacheDir.fromEnvironment(), HostFacts.probe(),
                msg -> System.err.println("kforge: " + msg)).plan(p, o, dryRun);
        if (dryRun) {
            System.out.print(plan.explain());
            return ExitCode.OK;
        }
        BootPlanner.prepareRunDir(plan.runDir());
        System.err.println("kforge: " + plan.accel().reason());
        System.err.println("kforge: run directory " + plan.runDir());
        Path symbols = null;
        if (plan.gdbPort() != null) {
            if (kernelTree != null) {
                symbols = kernelTree.resolve("System.map");
            } else if (plan.kernel().toFile().isFile()) {
                symbols = KernelSymbols.forKernel(p, plan.kernel(), CacheDir.fromEnvironment(), msg -> System.err.println("kforge: " + msg));
            }
            System.err.println("kforge: gdbstub on 127.0.0.1:" + plan.gdbPort() + (waitForGdb ? ", CPU held at reset" : "")
                    + "; attach: kforge gdb, or gdb-multiarch -ex 'set architecture aarch64' -ex 'target remote 127.0.0.1:"
                    + plan.gdbPort() + "'");
        }
        new RunRegistry(CacheDir.fromEnvironment()).markLatest(plan.runDir());
        if (plan.sshPort() != null) System.err.println("kforge: ssh to the twin: kforge ssh (127.0.0.1:" + plan.sshPort() + ")");
        BootResult r = new TwinBoot(o, quiet ? line -> { } : human::println)
                .withSsh(rb.guest(json ? System.err : System.out)).run(plan, symbols);
        ResultJson.write(r, plan.runDir().resolve("result.json"));
        human.print("\n" + VerdictText.render(r.events(), r.verdict(), true));
        human.println("  log: " + plan.runDir().resolve("console.log"));
        if (json) System.out.println(ResultJson.render(r));
        return r.exitCode(strict);
    }
}
