package org.kforge.pci;

import java.util.List;

/** MSI message control at +2 (PCI Local Bus spec 3.0, 6.8.1). */
final class MsiDecoder implements CapabilityDecoder {
    @Override
    public List<String> decode(ConfigSpace c, int at) {
        if (!c.has(at, 4)) return List.of();
        int ctl = c.u16(at + 2);
        return List.of(String.format("%s Count=%d/%d %s %s", Flags.of(ctl, "Enable"), 1 << (ctl >>> 4 & 7), 1 << (ctl >>> 1 & 7),
                Flags.of(ctl >>> 8, "Maskable"), Flags.of(ctl >>> 7, "64bit")));
    }
}
