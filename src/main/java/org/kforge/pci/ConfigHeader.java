package org.kforge.pci;

import java.util.ArrayList;
import java.util.List;

/** The command and status registers and the type-specific header fields (PCI Local Bus spec 3.0, 6.2). */
public final class ConfigHeader {
    private ConfigHeader() {
    }

    public static String command(ConfigSpace c) {
        return Flags.of(c.u16(0x04), "I/O", "Mem", "BusMaster", "SpecCycle", "MemWINV", "VGASnoop", "ParErr", "Stepping", "SERR",
                "FastB2B", "DisINTx");
    }

    public static String status(ConfigSpace c) {
        int s = c.u16(0x06);
        String devsel = new String[] {"fast", "medium", "slow", "??"}[s >>> 9 & 3];
        return Flags.of(s >>> 3, "INTx", "Cap", "66MHz", "UDF", "FastB2B", "ParErr") + " DEVSEL=" + devsel + " "
                + Flags.of(s >>> 11, ">TAbort", "<TAbort", "<MAbort", ">SERR", "<PERR");
    }

    public static String headerName(int type) {
        return switch (type) {
            case 0 -> "0 (endpoint)";
            case 1 -> "1 (PCI-to-PCI bridge)";
            case 2 -> "2 (CardBus bridge)";
            default -> type + " (unknown)";
        };
    }

    /** The bridge's bus numbers and forwarding windows (type 1 only). */
    public static List<String> bridge(ConfigSpace c) {
        List<String> out = new ArrayList<>();
        out.add(String.format("Bus: primary=%02x, secondary=%02x, subordinate=%02x, sec-latency=%d", c.u8(0x18), c.u8(0x19), c.u8(0x1a),
                c.u8(0x1b)));
        long ioBase = (c.u8(0x1c) & 0xf0L) << 8;
        long ioLimit = (c.u8(0x1d) & 0xf0L) << 8 | 0xfff;
        if ((c.u8(0x1c) & 0xf) == 1) {
            ioBase |= (long) c.u16(0x30) << 16;
            ioLimit |= (long) c.u16(0x32) << 16;
        }
        out.add(window("I/O behind bridge", ioBase, ioLimit));
        out.add(window("Memory behind bridge", (c.u16(0x20) & 0xfff0L) << 16, (c.u16(0x22) & 0xfff0L) << 16 | 0xfffff));
        long pBase = (c.u16(0x24) & 0xfff0L) << 16;
        long pLimit = (c.u16(0x26) & 0xfff0L) << 16 | 0xfffff;
        if ((c.u16(0x24) & 0xf) == 1) {
            pBase |= c.u32(0x28) << 32;
            pLimit |= c.u32(0x2c) << 32;
        }
        out.add(window("Prefetchable memory behind bridge", pBase, pLimit));
        out.add("BridgeCtl: " + Flags.of(c.u16(0x3e), "Parity", "SERR", "NoISA", "VGA", "VGA16", "MAbort", ">Reset", "FastB2B"));
        return out;
    }

    private static String window(String name, long base, long limit) {
        if (base > limit) return name + ": [disabled]";
        return String.format("%s: %x-%x [size=%s]", name, base, limit, Flags.size(limit - base + 1));
    }
}
