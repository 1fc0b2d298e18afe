package org.kforge.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.image.InitramfsSpec;
import org.kforge.profile.MachineProfile;
import org.kforge.qemu.Accel;
import org.kforge.qemu.BootInputs;
import org.kforge.qemu.HostFacts;
import org.kforge.qemu.KernelCommandLine;
import org.kforge.qemu.QemuPlanner;

/**
 * A job and its resolved assets in, a {@link BootPlan} out: no download, no depmod, no port picked here
 * ({@link AssetResolver} did those). QEMU runs in the run directory, so the files kforge makes there
 * (the initramfs, the QMP socket) are named relative to it and a job booted again gives the same argv.
 */
public final class BootPlanner {
    static final String INITRAMFS = "initramfs.cpio";
    private static final int DEFAULT_ROOT_WAIT = 5;

    private BootPlanner() {
    }

    public static BootPlan plan(MachineProfile profile, BootJob job, BootAssets assets, HostFacts host, Path runDir) {
        String cmdline = commandLine(profile, job);
        Accel accel = Accel.choose(profile.arch(), host, job.accel() == null || job.accel().equals("auto") ? null : job.accel());
        Path initrd = job.initrd() == null ? null : Path.of(job.initrd());
        InitramfsSpec spec = null;
        if (initrd == null && !job.noInitrd()) {
            initrd = runDir.resolve(INITRAMFS);
            spec = new InitramfsSpec(assets.busybox(), assets.modulesRoot(), assets.modules(), job.exec(),
                    job.rootWait() == null ? DEFAULT_ROOT_WAIT : job.rootWait(), assets.modulesDir());
        }
        Path qmp = qmpSocket(runDir);
        String hypervisorCmdline = null;
        if (profile.hypervisor() != null) {
            hypervisorCmdline = String.join(" ", profile.hypervisor().cmdline()) + (job.xenAppend() == null ? "" : " " + job.xenAppend().strip());
        }
        var inputs = new BootInputs(profile, accel, assets.kernel(), inRunDir(initrd, runDir), cmdline, path(job.disk()),
                inRunDir(qmp, runDir), job.machineOptions(), job.devices(), assets.gdbPort(), job.waitForGdb(), path(job.dtb()),
                assets.hypervisor(), hypervisorCmdline, initrdBytes(initrd, spec), assets.sshPort(), job.diskSnapshot(), job.smp());
        return new BootPlan(job, profile, accel, QemuPlanner.plan(inputs).in(runDir), cmdline, runDir, assets.kernel(),
                assets.kernelProvenance(), initrd, spec, qmp, assets.gdbPort(), assets.sshPort(), BootTimeouts.of(job));
    }

    /** The kernel command line: the profile's, then the job's words; under a debugger no address randomisation. */
    public static String commandLine(MachineProfile profile, BootJob job) {
        return KernelCommandLine.build(profile, job.gdb() == null ? job.append()
                : ("nokaslr " + (job.append() == null ? "" : job.append())).strip());
    }

    /** The modules kforge's initramfs loads: the profile's root disk's for a root=, then the job's. */
    static List<String> initramfsModules(MachineProfile profile, BootJob job) {
        List<String> wanted = new ArrayList<>(job.modules());
        if (KernelCommandLine.value(commandLine(profile, job), "root") != null) wanted.addAll(0, profile.root().modules());
        return wanted;
    }

    /** A new run directory's name under the cache: the time and the profile. */
    public static Path newRunDir(CacheDir cache, MachineProfile profile) {
        return RunRegistry.newRun(cache, profile.name());
    }

    private static Path path(String file) {
        return file == null ? null : Path.of(file);
    }

    /** A file inside the run directory as QEMU (started there) names it. */
    private static Path inRunDir(Path file, Path runDir) {
        if (file == null) return null;
        Path dir = runDir.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(dir) ? dir.relativize(abs) : file;
    }

    /** The initramfs size: the file's, or for one still to be written an upper bound (its contents uncompressed). */
    private static long initrdBytes(Path initrd, InitramfsSpec spec) {
        if (initrd == null) return -1;
        if (spec == null) return initrd.toFile().length();
        long bytes = 64 * 1024 + spec.busybox().toFile().length();
        for (Path m : spec.modules()) bytes += m.toFile().length() * (m.toString().endsWith(".xz") ? 4 : 1);
        return bytes;
    }

    /** A unix socket path must fit sun_path (108 bytes); a long run directory gets one in /tmp. */
    private static Path qmpSocket(Path runDir) {
        Path p = runDir.toAbsolutePath().resolve("qmp.sock");
        if (p.toString().length() < 100) return p;
        return Path.of(System.getProperty("java.io.tmpdir"), "kforge-" + ProcessHandle.current().pid() + "-qmp.sock");
    }

    /** Creates the run directory, or fails with exit 2 when it cannot be written. */
    /** --out is a directory, or can be one, on a real file system (holds for --dry-run too). */
    public static void checkOut(Path out) {
        BootFiles.out(out);
    }

    public static void prepareRunDir(Path runDir) {
        try {
            Files.createDirectories(runDir);
            // a plain name: a temporary file's random one would initialise SecureRandom before QEMU starts
            Path probe = runDir.resolve(".write-test-" + ProcessHandle.current().pid());
            Files.deleteIfExists(probe);
            Files.newOutputStream(probe, java.nio.file.StandardOpenOption.CREATE_NEW).close();
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
