package org.kforge.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.kforge.KforgeException;

/**
 * What a {@code --kernel} file is, read from its first bytes before QEMU is started with it. QEMU 7.2's
 * arm64 loader (hw/arm/boot.c, load_aarch64_image) boots an Image, plain or gzip'd; anything else it
 * loads as a raw blob and jumps into, so a wrong file would only show as a silent console.
 */
public enum KernelFormat {
    /** Documentation/arch/arm64/booting.rst: "ARM\x64" at byte 56. */
    ARM64_IMAGE("an arm64 Image"),
    /** A gzip'd Image (arch/arm64/boot/Image.gz); QEMU unpacks it. */
    ARM64_IMAGE_GZ("a gzip'd arm64 Image");

    private static final int HEAD = 0x240;
    private final String description;

    KernelFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The format of a kernel QEMU can boot, or exit 2 naming what the file is and what to pass instead. */
    public static KernelFormat check(Path file, String option) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            throw KforgeException.badInput(option + " " + file + ": cannot read it: " + e.getMessage(), null);
        }
        String refuse = refusal(head, file);
        if (refuse == null) {
            return isArm64(head) ? ARM64_IMAGE : ARM64_IMAGE_GZ;
        }
        throw KforgeException.badInput(option + " " + file + ": " + refuse,
                "pass the arm64 kernel image: arch/arm64/boot/Image (or Image.gz) of an ARCH=arm64 build, or omit --kernel for Debian's");
    }

    /** Why the file cannot be booted as the twin's kernel, or null when it can. */
    static String refusal(byte[] h, Path file) {
        return refusal(h, file, false);
    }

    private static String refusal(byte[] h, Path file, boolean inGzip) {
        ByteBuffer le = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        if (h.length == 0) return "the file is empty, not a kernel image";
        if (isArm64(h)) return null;
        if (isGzip(h)) return inGzip ? "a gzip file inside a gzip file" : gzipped(file);
        // drivers/firmware/efi/libstub/zboot-header.S: "MZ", "zimg" at byte 4, the compression's name at 24
        if (h.length >= 8 && h[0] == 'M' && h[1] == 'Z' && ascii(h, 4, 4).equals("zimg")) {
            String comp = h.length >= 56 ? cString(h, 24, 32) : "?";
            return "an EFI zboot image (vmlinuz.efi, its kernel compressed with " + comp
                    + "): QEMU 7.2 loads it only through UEFI firmware; the same build made arch/arm64/boot/Image";
        }
        if (h.length >= 4 && h[0] == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F') {
            int machine = h.length >= 20 ? le.getShort(18) & 0xffff : 0;
            String arch = machine == 183 ? "arm64" : machine == 62 ? "x86-64" : machine == 40 ? "32-bit ARM" : "machine " + machine;
            return "an ELF file (" + arch + "), such as vmlinux: QEMU would not pass it a command line or a device tree"
                    + (machine == 183 ? " (keep vmlinux for kforge debug; boot the Image made from it)" : "");
        }
        if (h.length >= 0x206 && (le.getShort(0x1fe) & 0xffff) == 0xaa55 && ascii(h, 0x202, 4).equals("HdrS")) {
            return "an x86 bzImage (a PC kernel), but the twin is arm64";
        }
        if (h.length >= 0x28 && le.getInt(0x24) == 0x016f2818) {
            return "a 32-bit ARM zImage, but the twin runs arm64 kernels";
        }
        if (h.length >= 4 && ByteBuffer.wrap(h).getInt(0) == 0x27051956) {
            return "a U-Boot legacy uImage; pass the kernel inside it (dumpimage -p 0 -o Image)";
        }
        return "not a kernel image: no arm64 Image magic at byte 56, and neither gzip, EFI zboot, ELF nor bzImage";
    }

    /** A gzip file is a kernel only if what it holds starts like an Image; a header's worth is inflated, no more. */
    private static String gzipped(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] inner = in.readNBytes(HEAD);
            if (isArm64(inner)) return null;
            String what = refusal(inner, file, true);
            return "a gzip file that holds " + (what.startsWith("not a kernel") ? "something other than an arm64 Image" : what);
        } catch (IOException e) {
            return "a gzip file whose stream is damaged (" + e.getMessage() + ")";
        }
    }

    private static boolean isArm64(byte[] h) {
        return h.length >= 64 && ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).getInt(56) == 0x644d5241;
    }

    private static boolean isGzip(byte[] h) {
        return h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b;
    }

    private static String ascii(byte[] h, int at, int n) {
        return h.length < at + n ? "" : new String(h, at, n, StandardCharsets.ISO_8859_1);
    }

    private static String cString(byte[] h, int at, int max) {
        int end = at;
        while (end < Math.min(h.length, at + max) && h[end] != 0 && h[end] >= 0x20 && h[end] < 0x7f) end++;
        return end == at ? "an unnamed method" : new String(h, at, end - at, StandardCharsets.US_ASCII);
    }
}
