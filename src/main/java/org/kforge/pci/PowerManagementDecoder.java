package org.kforge.pci;

import java.util.List;

/** PCI Bus Power Management Interface spec 1.2: PMC at +2, PMCSR at +4. */
final class PowerManagementDecoder implements CapabilityDecoder {
    @Override
    public List<String> decode(ConfigSpace c, int at) {
        if (!c.has(at, 8)) return List.of();
        int pmc = c.u16(at + 2);
        int csr = c.u16(at + 4);
        return List.of("version " + (pmc & 7) + ", " + Flags.of(pmc >>> 9, "D1", "D2"),
                "Status: D" + (csr & 3) + " " + Flags.of(csr >>> 3, "NoSoftRst") + " " + Flags.of(csr >>> 8, "PME-Enable")
                        + " " + Flags.of(csr >>> 15, "PME"));
    }
}
