package org.kforge.pci;

import java.util.ArrayList;
import java.util.List;

/**
 * PCI Express capability (PCIe base spec, 7.5.3): port type, device control, and the link's
 * capability, control and status: speed, width, ASPM. Root-complex integrated endpoints and
 * event collectors have no link.
 */
final class ExpressDecoder implements CapabilityDecoder {
    static final String[] TYPES = {"Endpoint", "Legacy Endpoint", "?2", "?3", "Root Port", "Upstream Port", "Downstream Port",
        "PCI-Express to PCI/PCI-X Bridge", "PCI/PCI-X to PCI-Express Bridge", "Root Complex Integrated Endpoint",
        "Root Complex Event Collector"};

    @Override
    public List<String> decode(ConfigSpace c, int at) {
        if (!c.has(at, 0x14)) return List.of();
        int caps = c.u16(at + 2);
        int type = caps >>> 4 & 0xf;
        List<String> out = new ArrayList<>();
        out.add(String.format("(v%d) %s%s", caps & 0xf, type < TYPES.length ? TYPES[type] : "type " + type,
                (caps & 0x100) != 0 ? " (Slot+)" : ""));
        long devCap = c.u32(at + 4);
        int devCtl = c.u16(at + 8);
        out.add(String.format("DevCap: MaxPayload %d bytes, %s", 128 << (devCap & 7), Flags.of(devCap >>> 28, "FLReset")));
        out.add(String.format("DevCtl: MaxPayload %d bytes, MaxReadReq %d bytes, %s", 128 << (devCtl >>> 5 & 7), 128 << (devCtl >>> 12 & 7),
                Flags.of(devCtl, "CorrErr", "NonFatalErr", "FatalErr", "UnsupReq")));
        if (type == 9 || type == 10) return out;
        long lnkCap = c.u32(at + 0x0c);
        int lnkCtl = c.u16(at + 0x10);
        int lnkSta = c.u16(at + 0x12);
        out.add(String.format("LnkCap: Port #%d, Speed %s, Width x%d, ASPM %s", lnkCap >>> 24, speed((int) lnkCap & 0xf),
                lnkCap >>> 4 & 0x3f, aspmSupport((int) (lnkCap >>> 10) & 3)));
        out.add("LnkCtl: ASPM " + aspmControl(lnkCtl & 3) + "; " + Flags.of(lnkCtl >>> 4, "Disabled", "CommClk"));
        out.add(String.format("LnkSta: Speed %s, Width x%d", speed(lnkSta & 0xf), lnkSta >>> 4 & 0x3f));
        return out;
    }

    static String speed(int code) {
        return switch (code) {
            case 1 -> "2.5GT/s";
            case 2 -> "5GT/s";
            case 3 -> "8GT/s";
            case 4 -> "16GT/s";
            case 5 -> "32GT/s";
            case 6 -> "64GT/s";
            default -> "unknown";
        };
    }

    private static String aspmSupport(int v) {
        return new String[] {"not supported", "L0s", "L1", "L0s L1"}[v];
    }

    private static String aspmControl(int v) {
        return new String[] {"Disabled", "L0s Enabled", "L1 Enabled", "L0s L1 Enabled"}[v];
    }
}
