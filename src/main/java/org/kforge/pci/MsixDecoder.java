package org.kforge.pci;

import java.util.List;

/** MSI-X message control at +2, table and PBA locations at +4 and +8 (PCI Local Bus spec 3.0, 6.8.2). */
final class MsixDecoder implements CapabilityDecoder {
    @Override
    public List<String> decode(ConfigSpace c, int at) {
        if (!c.has(at, 12)) return List.of();
        int ctl = c.u16(at + 2);
        long table = c.u32(at + 4);
        long pba = c.u32(at + 8);
        return List.of(String.format("%s Count=%d %s", Flags.of(ctl >>> 15, "Enable"), (ctl & 0x7ff) + 1, Flags.of(ctl >>> 14, "Masked")),
                String.format("Vector table: BAR=%d offset=%08x", table & 7, table & ~7L),
                String.format("PBA: BAR=%d offset=%08x", pba & 7, pba & ~7L));
    }
}
