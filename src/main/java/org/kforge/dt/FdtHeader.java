package org.kforge.dt;

/**
 * The 40-byte header of a flattened device tree (Devicetree Specification v0.4, 5.2; libfdt's fdt_check_header).
 * Versions 16 and 17 are read; 16 lacks size_dt_struct, so its structure block runs to totalsize.
 */
public record FdtHeader(long totalSize, int offStruct, int offStrings, int offMemRsvmap, int version,
                        int lastCompVersion, long bootCpuidPhys, int sizeStrings, int sizeStruct) {
    public static final long MAGIC = 0xd00dfeedL;
    private static final int V16_SIZE = 36;
    private static final int V17_SIZE = 40;

    static FdtHeader read(FdtBytes b) {
        if (b.length() < 4) throw b.bad(0, "file is " + b.length() + " bytes, too short for a DTB header");
        long magic = b.u32(0);
        if (magic != MAGIC) {
            throw b.bad(0, String.format("magic is 0x%08x, not 0xd00dfeed: not a flattened device tree%s", magic,
                    b.looksLikeText() ? " (it is text: compile DTS source with dtc -I dts -O dtb)" : ""));
        }
        if (b.length() < V16_SIZE) throw b.bad(b.length(), "file ends inside the " + V16_SIZE + "-byte header");
        long version = b.u32(20);
        long lastComp = b.u32(24);
        if (version < 16) throw b.bad(20, "version " + version + " is older than 16, the oldest kforge reads");
        if (lastComp > 17) throw b.bad(24, "last_comp_version " + lastComp + " is newer than 17, the newest kforge reads");
        int headerSize = version >= 17 ? V17_SIZE : V16_SIZE;
        if (b.length() < headerSize) throw b.bad(b.length(), "file ends inside the " + headerSize + "-byte header");
        long total = b.u32(4);
        if (total > b.length()) {
            throw b.bad(4, "totalsize is " + total + " bytes but the file has " + b.length() + ": truncated");
        }
        if (total < headerSize) throw b.bad(4, "totalsize " + total + " is smaller than the header");
        long offStruct = b.u32(8);
        long offStrings = b.u32(12);
        long offRsv = b.u32(16);
        long sizeStrings = b.u32(32);
        long sizeStruct = version >= 17 ? b.u32(36) : total - Math.min(offStruct, total);
        block(b, 16, "memory reservation block", offRsv, 16, 8, headerSize, total);
        block(b, 8, "structure block", offStruct, sizeStruct, 4, headerSize, total);
        block(b, 12, "strings block", offStrings, sizeStrings, 1, headerSize, total);
        return new FdtHeader(total, (int) offStruct, (int) offStrings, (int) offRsv, (int) version, (int) lastComp,
                b.u32(28), (int) sizeStrings, (int) sizeStruct);
    }

    private static void block(FdtBytes b, int field, String name, long off, long size, int align, int header, long total) {
        if (off < header) throw b.bad(field, name + " offset " + off + " lies inside the header");
        if (off % align != 0) throw b.bad(field, name + " offset " + off + " is not " + align + "-byte aligned");
        if (off + size > total) {
            throw b.bad(field, name + " (offset " + off + ", " + size + " bytes) runs past totalsize " + total);
        }
    }
}
