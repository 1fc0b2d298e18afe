package org.kforge.dt;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Packs a DTB: totalsize cut to the end of its last block, as dtc writes it. QEMU's dumpdtb writes
 * its 1 MiB working buffer; given back with -dtb, QEMU grows a file to (size + 10000) * 2
 * (device_tree.c, load_device_tree), past the 2 MiB an arm64 kernel maps for its DTB (MAX_FDT_SIZE),
 * and the kernel stops in setup_machine_fdt without a word.
 */
public final class FdtPack {
    private FdtPack() {
    }

    /** The same tree with no slack after its blocks; the input is checked as a DTB first. */
    public static byte[] pack(byte[] dtb, String source) {
        FdtHeader h = Fdt.parse(dtb, source).header();
        long end = Math.max(h.offMemRsvmap() + 16L, Math.max(h.offStrings() + (long) h.sizeStrings(),
                h.offStruct() + (long) (h.sizeStruct() > 0 ? h.sizeStruct() : h.totalSize() - h.offStruct())));
        if (end >= h.totalSize()) return dtb;
        byte[] out = Arrays.copyOf(dtb, (int) end);
        ByteBuffer.wrap(out).putInt(4, (int) end);
        return out;
    }
}
