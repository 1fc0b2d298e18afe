package org.kforge.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kforge.KforgeException;
import org.kforge.dt.Fdt;

/**
 * Checks of what boot is given that hold for --dry-run too: nonsense is refused before a plan is printed
 * (an empty kernel, a DTB that does not parse, a run directory that cannot be one).
 */
final class BootFiles {
    /** Smaller than the 64-byte arm64 Image header (Documentation/arch/arm64/booting.rst): no kernel. */
    private static final long KERNEL_MIN = 64;

    private BootFiles() {
    }

    static void kernel(Path kernel) {
        if (kernel == null) return;
        long size = size(kernel);
        if (size == 0) throw KforgeException.badInput("--kernel " + kernel + " is empty", "give the kernel image (arch/arm64/boot/Image)");
        if (size < KERNEL_MIN) {
            throw KforgeException.badInput("--kernel " + kernel + " holds " + size + " bytes, too few for a kernel image",
                    "give the kernel image (arch/arm64/boot/Image)");
        }
    }

    /** A DTB must parse whole: a cut one would make QEMU or the kernel fail far from the cause. */
    static void dtb(Path dtb) {
        if (dtb != null) Fdt.read(dtb);
    }

    /** --out must be a directory, or one that can be made, on a real file system. */
    static void out(Path out) {
        if (out == null) return;
        Path abs = out.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw KforgeException.badInput("--out " + out + " is a file, not a directory", "give --out a directory");
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) throw KforgeException.badInput("--out " + out + ": no such place", "give --out a directory");
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            throw KforgeException.badInput("--out " + out + ": " + e.getMessage(), "give --out a writable directory");
        }
        for (String pseudo : new String[] {"/proc", "/sys", "/dev"}) {
            if (real.startsWith(pseudo)) {
                throw KforgeException.badInput("--out " + out + " is under " + pseudo + ", a kernel file system, not a place for files",
                        "give --out a directory on a disk");
            }
        }
        if (!Files.isDirectory(real)) throw KforgeException.badInput("--out " + out + " is under a file, " + real, "give --out a directory");
        if (!Files.isWritable(real)) throw KforgeException.badInput("--out " + out + ": " + real + " is not writable", "give --out a writable directory");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw KforgeException.badInput("--kernel " + p + ": " + e.getMessage(), null);
        }
    }
}
