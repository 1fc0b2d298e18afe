package org.kforge.pci;

import java.util.ArrayList;
import java.util.List;

/**
 * A base address register: its type and bus address from config space, its size from the
 * kernel's resource window (sizing from config space would mean writing all ones to it).
 */
public record Bar(int index, boolean io, boolean is64, boolean prefetchable, long address, long size, boolean enabled) {

    public static List<Bar> decode(PciDevice d) {
        ConfigSpace c = d.config();
        int count = switch (c.headerType()) {
            case 0 -> 6;
            case 1 -> 2;
            default -> 0;
        };
        int cmd = c.u16(0x04);
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long raw = c.u32(0x10 + 4 * i);
            long size = d.resources() != null && i < d.resources().size() ? d.resources().get(i).size() : 0;
            boolean io = (raw & 1) != 0;
            boolean is64 = !io && (raw & 6) == 4;
            if (raw == 0 && size == 0) continue;
            long addr = io ? raw & ~3L : raw & ~0xfL;
            if (is64 && i + 1 < count) addr |= c.u32(0x14 + 4 * i) << 32;
            out.add(new Bar(i, io, is64, !io && (raw & 8) != 0, addr, size, (cmd & (io ? 1 : 2)) != 0));
            if (is64) i++;
        }
        return out;
    }

    /** lspci -vvv's wording: "Region 0: Memory at fe000000 (64-bit, non-prefetchable) [size=16K]". */
    public String describe() {
        // lspci says <unassigned> for a zero address (lspci.c, show_bases)
        String at = address == 0 && (!io || !enabled) ? "<unassigned>" : Long.toHexString(address);
        String s = io ? String.format("Region %d: I/O ports at %s", index, at)
                : String.format("Region %d: Memory at %s (%s, %s)", index, at, is64 ? "64-bit" : "32-bit",
                        prefetchable ? "prefetchable" : "non-prefetchable");
        if (!enabled) s += " [disabled]";
        if (size > 0) s += " [size=" + Flags.size(size) + "]";
        return s;
    }
}
