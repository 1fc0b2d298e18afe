package org.kforge.pci;

import java.util.List;

/** L1 PM Substates (PCIe base spec, 7.8.3): capability at +4, control 1 at +8. */
final class L1SubstatesDecoder implements CapabilityDecoder {
    @Override
    public List<String> decode(ConfigSpace c, int at) {
        if (!c.has(at, 12)) return List.of();
        return List.of("L1SubCap: " + Flags.of(c.u32(at + 4), "PCI-PM_L1.2", "PCI-PM_L1.1", "ASPM_L1.2", "ASPM_L1.1", "L1_PM_Substates"),
                "L1SubCtl1: " + Flags.of(c.u32(at + 8), "PCI-PM_L1.2", "PCI-PM_L1.1", "ASPM_L1.2", "ASPM_L1.1"));
    }
}
