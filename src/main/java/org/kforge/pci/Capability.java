package org.kforge.pci;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One entry of the capability list (in the first 256 bytes) or the extended capability list (from
 * 0x100 on, PCI Express only), walked as lspci does (pciutils lib/caps.c), with a guard against loops.
 */
public record Capability(int id, int offset, boolean extended, int version) {
    public static final int PM = 0x01, MSI = 0x05, VNDR = 0x09, EXP = 0x10, MSIX = 0x11;
    public static final int E_AER = 0x01, E_VNDR = 0x0b, E_ACS = 0x0d, E_L1SS = 0x1e;

    public String name() {
        return extended ? CapabilityNames.extended(id) : CapabilityNames.standard(id);
    }

    /** Whether the capability list could not be walked to its end because only 64 bytes were readable. */
    public static boolean hiddenByPrivilege(ConfigSpace c) {
        return c.truncated() && (c.u16(0x06) & 0x10) != 0 && listStart(c) >= ConfigSpace.UNPRIVILEGED;
    }

    public static List<Capability> list(ConfigSpace c) {
        List<Capability> out = new ArrayList<>();
        if (c.allOnes() || (c.u16(0x06) & 0x10) == 0) return out;
        Set<Integer> seen = new HashSet<>();
        int at = listStart(c) & 0xfc;
        while (at >= 0x40 && c.has(at, 2) && seen.add(at)) {
            int id = c.u8(at);
            if (id == 0xff) break;
            out.add(new Capability(id, at, false, 0));
            at = c.u8(at + 1) & 0xfc;
        }
        seen.clear();
        at = 0x100;
        while (at >= 0x100 && c.has(at, 4) && seen.add(at)) {
            long h = c.u32(at);
            if (h == 0 || h == 0xffffffffL) break;
            out.add(new Capability((int) (h & 0xffff), at, true, (int) (h >>> 16) & 0xf));
            at = (int) (h >>> 20) & 0xffc;
        }
        return out;
    }

    private static int listStart(ConfigSpace c) {
        return c.headerType() == 2 ? c.u8(0x14) : c.u8(0x34);
    }

    /** The n-th (from 0) capability with this id, as setpci's CAP_xxx@n finds it. */
    public static Capability find(ConfigSpace c, int id, boolean extended, int nth) {
        int n = 0;
        for (Capability cap : list(c)) {
            if (cap.id == id && cap.extended == extended && n++ == nth) return cap;
        }
        return null;
    }
}
