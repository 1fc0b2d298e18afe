package org.kforge.pci;

import java.util.List;

/** Advanced Error Reporting (PCIe base spec, 7.8.4): error status, mask and severity registers. */
final class AerDecoder implements CapabilityDecoder {
    private static final String[] UNCORRECTABLE = {null, null, null, null, "DLP", "SDES", null, null, null, null, null, null,
        "TLP", "FCP", "CmpltTO", "CmpltAbrt", "UnxCmplt", "RxOF", "MalfTLP", "ECRC", "UnsupReq", "ACSViol"};
    private static final String[] CORRECTABLE = {"RxErr", null, null, null, null, null, "BadTLP", "BadDLLP", "Rollover", null, null, null,
        "Timeout", "AdvNonFatalErr"};

    @Override
    public List<String> decode(ConfigSpace c, int at) {
        if (!c.has(at, 0x18)) return List.of();
        return List.of("UESta: " + Flags.of(c.u32(at + 4), UNCORRECTABLE), "UEMsk: " + Flags.of(c.u32(at + 8), UNCORRECTABLE),
                "UESvrt: " + Flags.of(c.u32(at + 0x0c), UNCORRECTABLE), "CESta: " + Flags.of(c.u32(at + 0x10), CORRECTABLE),
                "CEMsk: " + Flags.of(c.u32(at + 0x14), CORRECTABLE));
    }
}
