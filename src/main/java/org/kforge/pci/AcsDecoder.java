package org.kforge.pci;

import java.util.List;

/** Access Control Services (PCIe base spec, 7.7.8): what the port can and does isolate; vfio groups follow it. */
final class AcsDecoder implements CapabilityDecoder {
    static final String[] BITS = {"SrcValid", "TransBlk", "ReqRedir", "CmpltRedir", "UpstreamFwd", "EgressCtrl", "DirectTrans"};

    @Override
    public List<String> decode(ConfigSpace c, int at) {
        if (!c.has(at, 8)) return List.of();
        return List.of("ACSCap: " + Flags.of(c.u16(at + 4), BITS), "ACSCtl: " + Flags.of(c.u16(at + 6), BITS));
    }
}
