package org.kforge.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The header of an arm64 Image (Documentation/arch/arm64/booting.rst): text_offset at byte 8,
 * image_size (what it occupies once running, bss included) at 16, "ARM\x64" at 56. Xen's arm64
 * image uses the same header.
 */
public record ArmImageHeader(boolean valid, long textOffset, long imageSize, long fileSize) {
    private static final int MAGIC = 0x644d5241; // "ARM\x64", little-endian

    public static ArmImageHeader read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ByteBuffer b = ByteBuffer.wrap(in.readNBytes(64)).order(ByteOrder.LITTLE_ENDIAN);
            long size = Files.size(file);
            if (b.limit() < 64 || b.getInt(56) != MAGIC) return new ArmImageHeader(false, 0, size, size);
            long imageSize = b.getLong(16);
            // booting.rst: image_size 0 means a kernel older than 3.17, text_offset 0x80000
            return imageSize == 0 ? new ArmImageHeader(true, 0x80000, size, size)
                    : new ArmImageHeader(true, b.getLong(8), Math.max(imageSize, size), size);
        } catch (IOException e) {
            return new ArmImageHeader(false, 0, 0, 0);
        }
    }
}
