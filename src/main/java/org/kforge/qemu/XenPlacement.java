package org.kforge.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kforge.KforgeException;

/**
 * Where things sit in guest RAM for a Xen boot, computed from the files' sizes: Xen where QEMU loads
 * a boot Image (RAM base + text_offset), QEMU's device tree where hw/arm/boot.c puts it when no
 * -initrd is given (RAM base + min(RAM/2, 128 MiB)), then dom0's kernel and initramfs for the
 * guest-loader on 2 MiB boundaries above both, clear of the top of RAM where Xen relocates itself.
 * A 33 MB kernel at a fixed 0x47000000 lands on the DTB at 0x48000000 and Xen dies in page_alloc.c.
 */
public record XenPlacement(List<Region> regions) {
    public static final long RAM_BASE = 0x4000_0000L;    // hw/arm/virt.c, VIRT_MEM
    private static final long MIB = 1L << 20;
    private static final long DTB_RESERVE = 2 * MIB;      // virt's FDT is at most 1 MiB (hw/arm/virt.c)
    private static final long TOP_RESERVE = 32 * MIB;     // Xen moves itself to the top of RAM at boot

    /** One occupied range [start, start + size). */
    public record Region(String what, long start, long size, String why) {
        public long end() {
            return start + size;
        }
    }

    /** {@code initrdBytes}: the initramfs size (or an upper bound while it is still to be written), -1 for none. */
    public static XenPlacement compute(long ramBytes, Path xen, Path kernel, long initrdBytes) {
        List<Region> r = new ArrayList<>();
        ArmImageHeader x = ArmImageHeader.read(xen);
        r.add(new Region("Xen", RAM_BASE + x.textOffset(), x.imageSize(), "the boot image, at RAM base + its text_offset"));
        long dtb = RAM_BASE + Math.min(ramBytes / 2, 128 * MIB);
        r.add(new Region("device tree", dtb, DTB_RESERVE, "where QEMU puts its DTB when no -initrd is given"));
        long next = alignUp(r.stream().mapToLong(Region::end).max().orElseThrow(), 2 * MIB);
        ArmImageHeader k = ArmImageHeader.read(kernel);
        r.add(new Region("dom0 kernel", next, k.fileSize(), "guest-loader module, above Xen and the DTB"));
        if (initrdBytes >= 0) {
            long at = alignUp(next + k.fileSize(), 2 * MIB);
            r.add(new Region("dom0 initramfs", at, initrdBytes, "guest-loader module, after the kernel"));
        }
        XenPlacement p = new XenPlacement(List.copyOf(r));
        p.check(ramBytes);
        return p;
    }

    /** Every region inside RAM, below the part Xen takes at the top, and no two overlapping. */
    void check(long ramBytes) {
        long limit = RAM_BASE + ramBytes - TOP_RESERVE;
        for (Region a : regions) {
            if (a.end() > limit) {
                throw KforgeException.badInput(String.format("%s (%d MiB) does not fit below 0x%x in %d MiB of RAM",
                        a.what(), a.size() / MIB, limit, ramBytes / MIB), "give the profile more memory, or a smaller kernel/initramfs");
            }
            for (Region b : regions) {
                if (a != b && a.start() < b.end() && b.start() < a.end()) {
                    throw new IllegalStateException(a.what() + " overlaps " + b.what());
                }
            }
        }
    }

    public Region find(String what) {
        return regions.stream().filter(r -> r.what().equals(what)).findFirst().orElse(null);
    }

    static long alignUp(long v, long a) {
        return (v + a - 1) & -a;
    }
}
