package org.kforge.dt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link DmaView} the way Linux 6.1 does: of_dma_get_range looks at the device, then up, for the first
 * non-empty dma-ranges (a missing one above an empty one ends the search: no translation); each entry's parent
 * address is then translated up through the ancestors' dma-ranges; of_dma_is_coherent walks up for dma-coherent.
 */
final class DmaWindows {
    private DmaWindows() {
    }

    static DmaView of(FdtNode device) {
        List<DmaView.Level> chain = DmaView.chainOf(device);
        List<String> notes = new ArrayList<>();
        FdtNode definedBy = definingNode(chain);
        List<DmaRange> windows = new ArrayList<>();
        if (definedBy != null) {
            BusType type = BusType.of(definedBy);
            for (RangeEntry e : entries(definedBy)) {
                long bus = type.address(e.child());
                long cpu = Cells.number(e.parent());
                if (!definedBy.isRoot()) {
                    Translation t = AddressTranslator.translate(definedBy, e.parent(), AddressTranslator.DMA_RANGES);
                    if (!t.translated()) {
                        notes.add("window at bus " + Cells.hex(bus) + " dropped: " + t.failure());
                        continue;
                    }
                    cpu = t.cpuAddress();
                }
                windows.add(new DmaRange(bus, cpu, e.size()));
            }
        }
        return new DmaView(device, chain, definedBy, windows, notes, coherentAt(device));
    }

    /** of_dma_get_range's search; null when the device does DMA with bus address == CPU address. */
    private static FdtNode definingNode(List<DmaView.Level> chain) {
        boolean looked = false;
        for (DmaView.Level l : chain) {
            if (l.entries() != null && !l.entries().isEmpty()) return l.node();
            if (looked && l.entries() == null) return null;
            looked = true;
        }
        return null;
    }

    /** The dma-ranges entries of a bus node; null when it has none, empty when the property is empty. */
    static List<RangeEntry> entries(FdtNode bus) {
        Optional<FdtProperty> p = bus.property("dma-ranges");
        if (p.isEmpty()) return null;
        int na = AddressCells.address(bus);
        int ns = AddressCells.size(bus);
        int pna = bus.isRoot() ? na : AddressCells.address(bus.parent());
        return RangeEntry.parse(p.get(), na, pna, ns);
    }

    private static FdtNode coherentAt(FdtNode device) {
        for (FdtNode n = device; n != null; n = n.parent()) {
            if (n.has("dma-coherent")) return n;
        }
        return null;
    }
}
