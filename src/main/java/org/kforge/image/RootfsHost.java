package org.kforge.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.kforge.KforgeException;

/** What the host needs to build a rootfs: mmdebstrap, mke2fs, and for a foreign arch a qemu-user binfmt. */
public final class RootfsHost {
    static final String MMDEBSTRAP = "mmdebstrap";
    /** Debian architecture -> the name of its qemu-user binfmt entry (binfmt-support, qemu-user-static). */
    private static final Map<String, String> QEMU_USER = Map.of("arm64", "aarch64", "armhf", "arm", "armel", "arm",
            "riscv64", "riscv64", "amd64", "x86_64", "i386", "i386", "ppc64el", "ppc64le", "s390x", "s390x");
    private static final Path BINFMT = Path.of("/proc/sys/fs/binfmt_misc");

    private RootfsHost() {
    }

    public static void check(String arch) {
        if (!QEMU_USER.containsKey(arch)) {
            throw KforgeException.badInput("--arch " + arch + ": not a Debian architecture kforge builds for",
                    "one of " + String.join(", ", new java.util.TreeSet<>(QEMU_USER.keySet())));
        }
        if (find(MMDEBSTRAP) == null) throw KforgeException.hostMissing("mmdebstrap is not installed", "apt-get install mmdebstrap");
        if (find("mke2fs") == null) throw KforgeException.hostMissing("mke2fs is not installed", "apt-get install e2fsprogs");
        if (!arch.equals(hostArch())) binfmt(arch);
    }

    /** A foreign arch runs its maintainer scripts through qemu-user, registered with the kernel's binfmt_misc. */
    private static void binfmt(String arch) {
        Path entry = BINFMT.resolve("qemu-" + QEMU_USER.get(arch));
        String state;
        try {
            state = Files.isRegularFile(entry) ? Files.readString(entry) : "";
        } catch (IOException e) {
            state = "";
        }
        if (!state.startsWith("enabled")) {
            throw KforgeException.hostMissing("cannot run " + arch + " programs: no enabled qemu-user binfmt entry " + entry,
                    "apt-get install qemu-user-static binfmt-support (then: update-binfmts --enable qemu-" + QEMU_USER.get(arch) + ")");
        }
    }

    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The host's Debian architecture, from the JVM's. */
    static String hostArch() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
    }

    /** A program on PATH, or in the sbin directories a non-root PATH may lack (mke2fs lives there). */
    static Path find(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
