package org.kforge.pci;

import java.util.List;

/** Decodes one capability's registers into lines; reads past what could be read give no lines. */
public interface CapabilityDecoder {
    List<String> decode(ConfigSpace c, int at);

    static CapabilityDecoder of(Capability cap) {
        if (cap.extended()) {
            return switch (cap.id()) {
                case Capability.E_AER -> new AerDecoder();
                case Capability.E_ACS -> new AcsDecoder();
                case Capability.E_L1SS -> new L1SubstatesDecoder();
                case Capability.E_VNDR -> (c, at) -> c.has(at, 8)
                        ? List.of(String.format("ID=%04x Rev=%d Len=%03x", c.u16(at + 4), c.u8(at + 6) & 0xf, c.u16(at + 6) >>> 4))
                        : List.of();
                default -> (c, at) -> List.of();
            };
        }
        return switch (cap.id()) {
            case Capability.PM -> new PowerManagementDecoder();
            case Capability.MSI -> new MsiDecoder();
            case Capability.MSIX -> new MsixDecoder();
            case Capability.EXP -> new ExpressDecoder();
            case Capability.VNDR -> (c, at) -> c.has(at, 3) ? List.of("Len=" + String.format("%02x", c.u8(at + 2))) : List.of();
            default -> (c, at) -> List.of();
        };
    }
}
