package org.kforge.pci;

import java.util.ArrayList;
import java.util.List;
import org.kforge.pci.Finding.Level;

/**
 * Access Control Services on the path to a device: the kernel splits IOMMU groups at bridges whose
 * ACS isolates their ports (drivers/pci/pci.c, pci_acs_path_enabled with REQ_ACS_FLAGS).
 */
final class Acs {
    /** SrcValid, ReqRedir, CmpltRedir, UpstreamFwd: the flags the kernel requires (REQ_ACS_FLAGS). */
    private static final int REQUIRED = 0x1 | 0x4 | 0x8 | 0x10;

    private Acs() {
    }

    static Finding finding(SysfsSnapshot sys, PciDevice d) {
        List<Bdf> bridges = upstream(d);
        if (bridges.isEmpty()) {
            return new Finding(Level.NOTE, "ACS", "on a root bus with no bridge above it: isolation is the root complex's, "
                    + "and the IOMMU group shows what the kernel made of it");
        }
        List<String> lacking = new ArrayList<>();
        for (Bdf b : bridges) {
            PciDevice br;
            try {
                br = sys.device(b);
            } catch (RuntimeException e) {
                continue;
            }
            Capability acs = Capability.find(br.config(), Capability.E_ACS, true, 0);
            if (br.config().truncated()) {
                lacking.add(b + " (unreadable without root)");
            } else if (acs == null) {
                lacking.add(b + " (no ACS capability)");
            } else if ((br.config().u16(acs.offset() + 6) & REQUIRED) != REQUIRED) {
                lacking.add(b + " (ACS not enabled: " + Flags.of(br.config().u16(acs.offset() + 6), AcsDecoder.BITS) + ")");
            }
        }
        if (lacking.isEmpty()) return new Finding(Level.OK, "ACS", "every bridge above isolates its ports");
        return new Finding(Level.WARN, "ACS", "devices below " + String.join(", ", lacking)
                + " can reach each other without the IOMMU, so they share one group");
    }

    /** The bridges above a device, nearest first, from its sysfs path (.../0000:00:1c.0/0000:01:00.0). */
    static List<Bdf> upstream(PciDevice d) {
        String[] parts = d.sysfsPath().split("/");
        List<Bdf> out = new ArrayList<>();
        for (int i = parts.length - 2; i >= 0; i--) {
            if (Bdf.looksLike(parts[i])) out.add(Bdf.parse(parts[i]));
        }
        return out;
    }
}
