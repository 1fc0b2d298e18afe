package org.kforge.twin;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * An MBR partition table as a Raspberry Pi image has one: partition 1 FAT32 (LBA, type 0x0c) for the
 * firmware, partition 2 Linux (0x83) for the root. Sectors of 512 bytes; entries at 446, signature 0x55AA.
 */
public final class MbrDisk {
    public static final long SECTOR = 512;
    public static final long FIRST = 2048; // 1 MiB, as the Pi's images and fdisk align

    private MbrDisk() {
    }

    /** Writes the table at the start of {@code image} (the file is grown to {@code totalBytes}, sparse). */
    public static void write(Path image, long bootBytes, long rootBytes, long totalBytes) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(440, 0x6b666f72); // disk identifier, "rofk": PARTUUID=6b666f72-01 names partition 1
        entry(b, 446, 0x0c, FIRST, bootBytes / SECTOR);
        entry(b, 462, 0x83, FIRST + bootBytes / SECTOR, rootBytes / SECTOR);
        b.put(510, (byte) 0x55).put(511, (byte) 0xAA);
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(totalBytes);
            f.seek(0);
            f.write(b.array());
        }
    }

    private static void entry(ByteBuffer b, int at, int type, long start, long sectors) {
        b.put(at, (byte) 0x00);
        // CHS fields: 0xFE/0xFF/0xFF, "use LBA" as every modern tool writes for large disks
        b.put(at + 1, (byte) 0xFE).put(at + 2, (byte) 0xFF).put(at + 3, (byte) 0xFF);
        b.put(at + 4, (byte) type);
        b.put(at + 5, (byte) 0xFE).put(at + 6, (byte) 0xFF).put(at + 7, (byte) 0xFF);
        b.putInt(at + 8, (int) start);
        b.putInt(at + 12, (int) sectors);
    }

    public static long rootOffset(long bootBytes) {
        return FIRST * SECTOR + bootBytes;
    }
}
