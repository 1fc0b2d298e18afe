package org.kforge.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.asset.DebianAssets;
import org.kforge.asset.KernelPackage;
import org.kforge.image.Depmod;
import org.kforge.image.InitrdCheck;
import org.kforge.image.ModuleIndex;
import org.kforge.profile.MachineProfile;
import org.kforge.qemu.KernelFormat;

/**
 * The visible step before planning: checks the job's files, fetches what it leaves to kforge (Debian's
 * kernel, busybox, Xen), indexes the modules (depmod) and reserves loopback ports. A dry run fetches and
 * changes nothing: it names what is cached, or says what a real boot would fetch.
 */
public final class AssetResolver {
    private final CacheDir cache;
    private final Consumer<String> progress;
    private final boolean dryRun;
    private final boolean refresh;

    public AssetResolver(CacheDir cache, Consumer<String> progress, boolean dryRun, boolean refresh) {
        this.cache = cache;
        this.progress = progress;
        this.dryRun = dryRun;
        this.refresh = refresh;
    }

    public BootAssets resolve(MachineProfile profile, BootJob job) {
        requireFile(job.kernel(), "--kernel");
        requireFile(job.initrd(), "--initrd");
        requireFile(job.disk(), "--disk");
        requireFile(job.dtb(), "--dtb");
        requireFile(job.xen(), "--xen");
        if (profile.hypervisor() == null && (job.xen() != null || job.xenAppend() != null)) {
            throw KforgeException.badInput("--xen and --xen-append need a Xen profile", "kforge boot --profile qemu-virt-arm64-xen");
        }
        if (job.initrd() != null) InitrdCheck.verify(Path.of(job.initrd()));
        if (job.kernel() != null) BootFiles.kernel(Path.of(job.kernel()));
        if (job.kernel() != null) KernelFormat.check(Path.of(job.kernel()), "--kernel");
        if (job.dtb() != null) BootFiles.dtb(Path.of(job.dtb()));
        if (job.xen() != null) KernelFormat.check(Path.of(job.xen()), "--xen");

        Path kernel = job.kernel() == null ? null : Path.of(job.kernel());
        String provenance = null;
        KernelPackage pkg = null;
        if (kernel == null) {
            DebianAssets kernels = new DebianAssets(cache, profile.kernel().debianArch(), progress);
            Path tree = fetch(kernels, profile.kernel().name(), true);
            if (tree == null) {
                kernel = Path.of("<" + profile.kernel().name() + ", fetched from Debian on the first boot>");
            } else {
                pkg = KernelPackage.in(tree, kernels.provenance(profile.kernel().name()));
                kernel = pkg.image();
                provenance = "Debian " + pkg.provenance();
            }
        }
        Path busybox = null;
        List<Path> modules = List.of();
        if (job.initrd() == null && !job.noInitrd()) {
            busybox = busybox(profile);
            modules = modules(BootPlanner.initramfsModules(profile, job), pkg);
        }
        Integer gdb = LoopbackPorts.reserve(job.gdb(), "the gdbstub", "--gdb PORT");
        Integer ssh = LoopbackPorts.reserve(job.sshPort(), "ssh", "--ssh-port PORT");
        return new BootAssets(kernel, provenance, busybox, modules, pkg == null ? null : pkg.tree().resolve("lib/modules"),
                pkg == null ? null : pkg.modulesDir(), hypervisor(profile, job), gdb, ssh);
    }

    private Path fetch(DebianAssets assets, String pkg, boolean followMeta) {
        return dryRun ? assets.cached(pkg) : assets.tree(pkg, followMeta, refresh);
    }

    private Path busybox(MachineProfile profile) {
        DebianAssets userland = new DebianAssets(cache, profile.userland().debianArch() == null
                ? profile.kernel().debianArch() : profile.userland().debianArch(), progress);
        Path tree = fetch(userland, profile.userland().name(), false);
        return tree == null ? Path.of("<busybox-static>") : tree.resolve("bin/busybox");
    }

    /** The wanted modules and their dependencies in load order, from the kernel package's modules.dep. */
    private List<Path> modules(List<String> wanted, KernelPackage pkg) {
        if (wanted.isEmpty()) return List.of();
        if (pkg == null && !dryRun) {
            throw KforgeException.badInput("modules " + wanted + " are needed, but --kernel gives an image without modules",
                    "boot Debian's kernel (omit --kernel), or build those drivers in (=y) and pass --initrd");
        }
        if (pkg == null) return List.of();
        if (dryRun && !Files.exists(pkg.modulesDir().resolve("modules.dep"))) {
            progress.accept("modules.dep not made yet (depmod runs on the first real boot): the plan lists no modules");
            return List.of();
        }
        if (!dryRun) Depmod.ensure(pkg.tree(), pkg.release());
        return ModuleIndex.read(pkg.modulesDir()).loadOrder(wanted);
    }

    private Path hypervisor(MachineProfile profile, BootJob job) {
        MachineProfile.Hypervisor h = profile.hypervisor();
        if (h == null) return null;
        if (job.xen() != null) return Path.of(job.xen());
        DebianAssets xen = new DebianAssets(cache, h.debianArch(), progress);
        Path tree = fetch(xen, h.packageName(), false);
        return tree == null ? Path.of("<" + h.packageName() + ", fetched from Debian on the first boot>") : tree.resolve(h.file());
    }

    private static void requireFile(String file, String option) {
        if (file == null) return;
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) throw KforgeException.badInput(option + " " + p + ": no such file", null);
        if (!Files.isReadable(p)) throw KforgeException.badInput(option + " " + p + ": not readable", null);
    }
}
