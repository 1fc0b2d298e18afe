package org.kforge.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.kforge.KforgeException;

/**
 * Builds a {@link RootfsSpec} into {@code images/} of the cache: mmdebstrap into a work directory (the
 * host's apt sources, a foreign arch through qemu-user binfmt), then {@code mke2fs -d} into a temp file
 * renamed into place only when complete. No mount, no loop device; a killed build leaves only names
 * ({@code .build-*}, {@code *.part-*}) that are never taken as an image and are swept by the next build.
 */
public final class RootfsBuilder {
    private final Path images;
    private final Consumer<String> status;

    /** {@code status} gets one short line per stage of the build (mmdebstrap's "I:" lines). */
    public RootfsBuilder(Path images, Consumer<String> status) {
        this.images = images;
        this.status = status;
    }

    public Path imageFor(RootfsSpec spec) {
        return images.resolve(spec.fileName());
    }

    public Path logFor(RootfsSpec spec) {
        return images.resolve(spec.fileName().replaceFirst("\\.ext4$", ".log"));
    }

    /** The image, from the cache or built now. */
    public Path build(RootfsSpec spec) throws InterruptedException {
        Path image = imageFor(spec);
        if (Files.isRegularFile(image)) return image;
        RootfsHost.check(spec.arch());
        BuildLeftovers.sweep(images);
        long pid = ProcessHandle.current().pid();
        Path work = images.resolve(".build-" + spec.key() + "-" + pid);
        Path part = images.resolve(spec.fileName() + ".part-" + pid);
        Thread cleanup = new Thread(() -> BuildLeftovers.remove(work, part), "kforge-rootfs-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            Path root = work.resolve("root");
            Files.createDirectories(root);
            Path script = work.resolve("customize.sh");
            Files.writeString(script, spec.customizeScript());
            mmdebstrap(spec, root, script, logFor(spec));
            checkFits(root, spec.sizeBytes());
            status.accept("mke2fs: ext4 image of " + (spec.sizeBytes() >> 20) + " MiB");
            Mke2fs.make(root, part, spec.sizeBytes());
            Files.move(part, image, StandardCopyOption.ATOMIC_MOVE);
            return image;
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot write the image under " + images + ": " + e.getMessage(),
                    "set XDG_CACHE_HOME to a writable directory with room for the image");
        } finally {
            BuildLeftovers.remove(work, part);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and does the same
            }
        }
    }

    private void mmdebstrap(RootfsSpec spec, Path root, Path script, Path log) throws IOException, InterruptedException {
        // setpriv(1) --pdeathsig: a kforge killed with SIGKILL still stops the build. As root, mmdebstrap
        // mounts /proc, /sys and /dev/pts in the chroot and a killed one leaves them mounted, and its forked
        // helpers outlive it: unshare(1) gives it mount and pid namespaces of its own, so when it goes its
        // mounts and every process of the build go with it (pid 1 of a namespace takes the rest along).
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--pdeathsig", "KILL"));
        if (RootfsHost.isRoot()) {
            cmd.addAll(List.of("unshare", "--mount", "--propagation", "private", "--pid", "--fork", "--mount-proc",
                    "--kill-child=KILL"));
        }
        cmd.addAll(List.of(RootfsHost.MMDEBSTRAP, "--arch=" + spec.arch(), "--variant=minbase",
                "--include=" + String.join(",", spec.packages()),
                // documentation and translations: nobody reads them on a twin, and they cost build time
                "--dpkgopt=path-exclude=/usr/share/man/*", "--dpkgopt=path-exclude=/usr/share/doc/*",
                "--dpkgopt=path-exclude=/usr/share/locale/*",
                "--customize-hook=sh " + script + " \"$1\"", spec.suite(), root.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw KforgeException.hostMissing("mmdebstrap is not installed", "apt-get install mmdebstrap");
        }
        p.getOutputStream().close();
        MmdebstrapLog seen = new MmdebstrapLog(status);
        Thread stopChild = new Thread(() -> stop(p), "kforge-stop-mmdebstrap");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            out.println("# " + String.join(" ", cmd));
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                seen.accept(line);
            }
        } finally {
            int rc = p.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already stopping it
            }
            if (rc != 0) throw seen.failure(rc, log);
        }
    }

    /** Stops the build: its namespaces take its mounts and processes along; without them, each process. */
    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        org.kforge.ChildProcess.stop(p, java.time.Duration.ofSeconds(10));
    }

    /** ext4 needs room beyond the files: metadata, journal, reserved blocks. */
    private static void checkFits(Path root, long size) throws IOException {
        long used = BuildLeftovers.bytesUnder(root);
        long needed = used + used / 5 + (64L << 20);
        if (needed > size) {
            throw KforgeException.badInput(String.format("--size %d MiB is too small: the root filesystem holds %d MiB of files",
                    size >> 20, used >> 20), String.format("give --size %dM or more", (needed >> 20) + 1));
        }
    }
}
