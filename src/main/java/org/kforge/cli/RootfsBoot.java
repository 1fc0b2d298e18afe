package org.kforge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.board.KnownHost;
import org.kforge.boot.BootJob;
import org.kforge.boot.GuestSsh;
import org.kforge.profile.MachineProfile;

/**
 * What {@code boot --rootfs} adds to a boot: the image on the profile's disk bus, {@code root=} its root
 * device, the NIC's modules in the initramfs (the image carries no kernel modules), an ssh port, and
 * the guest's sshd watched with kforge's key and the image's own known host file.
 */
record RootfsBoot(Path image, Integer sshPort, String command, MachineProfile profile, CacheDir cache) {

    static RootfsBoot of(BootJob job, MachineProfile p, CacheDir cache, boolean dryRun, PrintWriter err) throws InterruptedException {
        String rootfs = job.rootfs();
        Integer sshPort = job.sshPort();
        String run = job.run();
        if (rootfs == null) {
            if (sshPort != null || run != null) throw KforgeException.badInput("--ssh-port and --run need --rootfs", "kforge boot --rootfs debian --run 'uname -a'");
            return new RootfsBoot(null, null, null, p, cache);
        }
        if (job.disk() != null) throw KforgeException.badInput("--rootfs and --disk both attach the root disk: give one", null);
        if (job.exec() != null) throw KforgeException.badInput("--exec runs in the initramfs, which --rootfs leaves", "use --run 'COMMAND' (over ssh)");
        if (sshPort != null && (sshPort < 1 || sshPort > 65535)) throw KforgeException.badInput("--ssh-port " + sshPort + ": not a TCP port", null);
        Path image;
        if (rootfs.equals("debian")) {
            image = dryRun ? RootfsImages.defaultImagePath(cache, p) : RootfsImages.defaultImage(cache, p, err);
        } else {
            image = Path.of(rootfs);
            if (!Files.isRegularFile(image)) throw KforgeException.badInput("--rootfs " + rootfs + ": no such file", "kforge image rootfs, or --rootfs debian");
        }
        return new RootfsBoot(image, sshPort == null ? 0 : sshPort, run, p, cache);
    }

    /** The job as the planner takes it: the image as the disk, root= its device, the NIC's modules, the ssh port. */
    BootJob expand(BootJob job) {
        if (image == null) return job;
        return job.toBuilder().disk(image.toString()).append(append(job.append())).modules(modules(job.modules()))
                .sshPort(sshPort).diskSnapshot(cached()).build();
    }

    /** kforge's own cached images are content-addressed: booted with snapshot=on, never changed. */
    boolean cached() {
        return image != null && image.toAbsolutePath().normalize().startsWith(cache.root().resolve("images").toAbsolutePath().normalize());
    }

    String append(String append) {
        if (image == null) return append;
        String root = "root=" + profile.root().device();
        return append == null ? root : root + " " + append;
    }

    List<String> modules(List<String> modules) {
        if (image == null) return modules;
        List<String> all = new ArrayList<>(profile.net().modules());
        if (modules != null) all.addAll(modules);
        return all;
    }

    GuestSsh guest(PrintWriter out, PrintWriter err) {
        if (image == null) return null;
        return new GuestSsh(RootfsImages.key(cache), new KnownHost(RootfsImages.knownHostsFor(cache, image)), command,
                new WriterOutputStream(out), new WriterOutputStream(err));
    }
}
