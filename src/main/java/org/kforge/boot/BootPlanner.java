package org.kforge.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.asset.DebianAssets;
import org.kforge.asset.KernelPackage;
import org.kforge.image.Depmod;
import org.kforge.image.InitramfsSpec;
import org.kforge.image.InitrdCheck;
import org.kforge.image.ModuleIndex;
import org.kforge.profile.MachineProfile;
import org.kforge.qemu.Accel;
import org.kforge.qemu.BootInputs;
import org.kforge.qemu.HostFacts;
import org.kforge.qemu.KernelCommandLine;
import org.kforge.qemu.QemuPlanner;

/**
 * Makes a {@link BootPlan} from options: checks the user's files, fetches the defaults (Debian's kernel
 * and busybox) unless this is a dry run, and chooses what the initramfs carries.
 */
public final class BootPlanner {
    private final CacheDir cache;
    private final HostFacts host;
    private final Consumer<String> progress;

    public BootPlanner(CacheDir cache, HostFacts host, Consumer<String> progress) {
        this.cache = cache;
        this.host = host;
        this.progress = progress;
    }

    public BootPlan plan(MachineProfile profile, BootOptions o, boolean dryRun) {
        requireFile(o.kernel(), "--kernel");
        requireFile(o.initrd(), "--initrd");
        requireFile(o.disk(), "--disk");
        requireFile(o.dtb(), "--dtb");
        requireFile(o.xen(), "--xen");
        if (profile.hypervisor() == null && (o.xen() != null || o.xenAppend() != null)) {
            throw KforgeException.badInput("--xen and --xen-append need a Xen profile", "kforge boot --profile qemu-virt-arm64-xen");
        }
        if (o.initrd() != null) InitrdCheck.verify(o.initrd());
        if (o.initrd() != null && o.noInitrd()) throw KforgeException.badInput("--initrd and --no-initrd contradict each other", null);

        Path runDir = o.out() != null ? o.out() : RunRegistry.newRun(cache, profile.name());
        // with a debugger attached, symbols must match the running kernel: no address randomisation
        String cmdline = KernelCommandLine.build(profile, o.gdbPort() == null ? o.append()
                : ("nokaslr " + (o.append() == null ? "" : o.append())).strip());
        Accel accel = Accel.choose(profile.arch(), host, o.accel());

        Path kernelImage = o.kernel();
        String provenance = null;
        KernelPackage pkg = null;
        DebianAssets kernels = new DebianAssets(cache, profile.kernel().debianArch(), progress);
        if (kernelImage == null) {
            Path tree = dryRun ? kernels.cached(profile.kernel().name())
                    : kernels.tree(profile.kernel().name(), true, o.refresh());
            if (tree == null) {
                kernelImage = Path.of("<" + profile.kernel().name() + ", fetched from Debian on the first boot>");
            } else {
                pkg = KernelPackage.in(tree, kernels.provenance(profile.kernel().name()));
                kernelImage = pkg.image();
                provenance = "Debian " + pkg.provenance();
            }
        }

        Path initrd = o.initrd();
        InitramfsSpec spec = null;
        if (initrd == null && !o.noInitrd()) {
            initrd = runDir.resolve("initramfs.cpio.gz");
            spec = initramfs(profile, o, cmdline, pkg, dryRun);
        }
        Path qmp = qmpSocket(runDir);
        Integer gdb = loopbackPort(o.gdbPort(), "the gdbstub", "--gdb PORT");
        Integer ssh = loopbackPort(o.sshPort(), "ssh", "--ssh-port PORT");
        Path hypervisor = null;
        String hypervisorCmdline = null;
        if (profile.hypervisor() != null) {
            MachineProfile.Hypervisor h = profile.hypervisor();
            hypervisor = o.xen();
            if (hypervisor == null) {
                DebianAssets xen = new DebianAssets(cache, h.debianArch(), progress);
                Path tree = dryRun ? xen.cached(h.packageName()) : xen.tree(h.packageName(), false, o.refresh());
                hypervisor = tree == null ? Path.of("<" + h.packageName() + ", fetched from Debian on the first boot>")
                        : tree.resolve(h.file());
            }
            hypervisorCmdline = String.join(" ", h.cmdline()) + (o.xenAppend() == null ? "" : " " + o.xenAppend().strip());
        }
        var inputs = new BootInputs(profile, accel, kernelImage, initrd, cmdline, o.disk(), qmp, o.machineOptions(), o.devices(),
                gdb, o.waitForGdb(), o.dtb(), hypervisor, hypervisorCmdline, initrdBytes(initrd, spec), ssh, o.diskSnapshot());
        return new BootPlan(profile, accel, QemuPlanner.plan(inputs), cmdline, runDir, kernelImage, provenance, initrd, spec, qmp, gdb, ssh);
    }

    private InitramfsSpec initramfs(MachineProfile profile, BootOptions o, String cmdline, KernelPackage pkg, boolean dryRun) {
        DebianAssets userland = new DebianAssets(cache, profile.userland().debianArch() == null
                ? profile.kernel().debianArch() : profile.userland().debianArch(), progress);
        Path bbTree = dryRun ? userland.cached(profile.userland().name())
                : userland.tree(profile.userland().name(), false, o.refresh());
        Path busybox = bbTree == null ? Path.of("<busybox-static>") : bbTree.resolve("bin/busybox");
        List<String> wanted = new ArrayList<>(o.modules());
        if (KernelCommandLine.value(cmdline, "root") != null) wanted.addAll(0, profile.root().modules());
        List<Path> modules = List.of();
        Path modulesRoot = null;
        if (!wanted.isEmpty()) {
            if (pkg == null && !dryRun) {
                throw KforgeException.badInput("modules " + wanted + " are needed, but --kernel gives an image without modules",
                        "boot Debian's kernel (omit --kernel), or build those drivers in (=y) and pass --initrd");
            }
            if (pkg != null) {
                Depmod.ensure(pkg.tree(), pkg.release());
                modules = ModuleIndex.read(pkg.modulesDir()).loadOrder(wanted);
                modulesRoot = pkg.tree().resolve("lib/modules");
            }
        }
        return new InitramfsSpec(busybox, modulesRoot, modules, o.exec(), o.rootWaitSeconds(), pkg == null ? null : pkg.modulesDir());
    }

    /** The initramfs size: the file's, or for one still to be written an upper bound (its contents uncompressed). */
    private static long initrdBytes(Path initrd, InitramfsSpec spec) {
        if (initrd == null) return -1;
        if (spec == null) return initrd.toFile().length();
        long bytes = 64 * 1024 + spec.busybox().toFile().length();
        for (Path m : spec.modules()) bytes += m.toFile().length() * (m.toString().endsWith(".xz") ? 4 : 1);
        return bytes;
    }

    /** A loopback port (the gdbstub's, ssh's): the one asked for, or a free one for 0. */
    private static Integer loopbackPort(Integer asked, String what, String option) {
        if (asked == null || asked != 0) return asked;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw KforgeException.hostMissing("no free TCP port on loopback for " + what, "give one: " + option);
        }
    }

    /** A unix socket path must fit sun_path (108 bytes); a long run directory gets one in /tmp. */
    private static Path qmpSocket(Path runDir) {
        Path p = runDir.toAbsolutePath().resolve("qmp.sock");
        if (p.toString().length() < 100) return p;
        return Path.of(System.getProperty("java.io.tmpdir"), "kforge-" + ProcessHandle.current().pid() + "-qmp.sock");
    }

    private static void requireFile(Path p, String option) {
        if (p == null) return;
        if (!Files.isRegularFile(p)) {
            throw KforgeException.badInput(option + " " + p + ": no such file", null);
        }
        if (!Files.isReadable(p)) {
            throw KforgeException.badInput(option + " " + p + ": not readable", null);
        }
    }

    /** Creates the run directory, or fails with exit 2 when it cannot be written. */
    public static void prepareRunDir(Path runDir) {
        try {
            Files.createDirectories(runDir);
            Path probe = Files.createTempFile(runDir, ".write-test", "");
            Files.delete(probe);
        } catch (java.nio.file.AccessDeniedException e) {
            throw unwritable(runDir, "permission denied");
        } catch (java.nio.file.FileSystemException e) {
            throw unwritable(runDir, e.getReason() == null ? e.getFile() : e.getReason());
        } catch (IOException | SecurityException e) {
            throw unwritable(runDir, String.valueOf(e.getMessage()));
        }
    }

    private static KforgeException unwritable(Path runDir, String why) {
        return KforgeException.badInput("cannot write the run directory " + runDir + ": " + why,
                "give --out a writable directory");
    }
}
