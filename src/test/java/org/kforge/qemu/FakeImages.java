package org.kforge.qemu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Kernel-shaped files for tests: the headers real files carry, nothing that boots. */
public final class FakeImages {
    private FakeImages() {
    }

    /** An arm64 Image header (Documentation/arch/arm64/booting.rst): text_offset 0, image_size, "ARM\x64" at 56. */
    public static byte[] arm64Header() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z');
        b.putLong(16, 64);
        b.putInt(56, 0x644d5241);
        return b.array();
    }

    public static Path arm64(Path file) throws IOException {
        return Files.write(file, arm64Header());
    }

    /** An x86 bzImage's boot sector: 0xaa55 at 0x1fe and "HdrS" at 0x202 (Documentation/arch/x86/boot.rst). */
    public static byte[] bzImage() {
        ByteBuffer b = ByteBuffer.allocate(0x400).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0x1fe, (short) 0xaa55);
        b.put(0x202, (byte) 'H').put(0x203, (byte) 'd').put(0x204, (byte) 'r').put(0x205, (byte) 'S');
        return b.array();
    }

    /** A 32-bit ARM zImage: its magic 0x016f2818 at 0x24 (arch/arm/boot/compressed/head.S). */
    public static byte[] zImage() {
        ByteBuffer b = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x24, 0x016f2818);
        return b.array();
    }

    /** An EFI zboot header (drivers/firmware/efi/libstub/zboot-header.S) naming its compression. */
    public static byte[] zboot(String compression) {
        ByteBuffer b = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').put(4, "zimg".getBytes());
        b.put(24, compression.getBytes());
        return b.array();
    }

    /** An ELF header of the given e_machine (183 AArch64, 62 x86-64). */
    public static byte[] elf(int machine) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(18, (short) machine);
        return b.array();
    }

    public static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }
}
