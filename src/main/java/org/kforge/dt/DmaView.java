package org.kforge.dt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a device sees when it does DMA: the dma-ranges of each node from the device up to the root, the windows
 * Linux builds from them (of_dma_get_range, drivers/of/address.c) and whether the device is dma-coherent.
 * No windows and no defining node means bus address == CPU address.
 */
public record DmaView(FdtNode device, List<Level> chain, FdtNode definedBy, List<DmaRange> windows,
                      List<String> notes, FdtNode coherentAt) {
    /** Said whenever bus and CPU addresses differ (the Raspberry Pi 4 swiotlb-xen bug the issue cites). */
    public static final String PHYS_AS_DMA_WARNING = "code that uses a physical address as a DMA address"
            + " \u2014 as swiotlb-xen once did on this SoC \u2014 will hand the device the wrong address";

    /** One node on the way up and its dma-ranges: null when absent, an empty list when empty (1:1). */
    public record Level(FdtNode node, List<RangeEntry> entries) {
        public String state() {
            if (entries == null) return "no dma-ranges";
            return entries.isEmpty() ? "dma-ranges; (empty: 1:1)" : entries.size() + " dma-ranges entr" + (entries.size() == 1 ? "y" : "ies");
        }
    }

    public static DmaView of(FdtNode device) {
        return DmaWindows.of(device);
    }

    public boolean identity() {
        return definedBy == null;
    }

    public boolean coherent() {
        return coherentAt != null;
    }

    /** True when some window's bus address differs from its CPU address. */
    public boolean busDiffersFromCpu() {
        return windows.stream().anyMatch(w -> w.offset() != 0);
    }

    /** The last CPU address any window reaches; empty for the identity view (the tree sets no limit). */
    public Optional<Long> highestCpuAddress() {
        return windows.stream().filter(w -> w.size() != 0).map(DmaRange::cpuLast).max(Long::compareUnsigned);
    }

    /** The bus address a device must be given to reach CPU address {@code cpu}. */
    public Optional<Long> busFor(long cpu) {
        if (identity()) return Optional.of(cpu);
        return windows.stream().filter(w -> w.holdsCpu(cpu)).findFirst().map(w -> cpu - w.offset());
    }

    /** The CPU address a device's access to bus address {@code bus} lands on. */
    public Optional<Long> cpuFor(long bus) {
        if (identity()) return Optional.of(bus);
        return windows.stream().filter(w -> w.holdsBus(bus)).findFirst().map(w -> bus + w.offset());
    }

    static List<Level> chainOf(FdtNode device) {
        List<Level> out = new ArrayList<>();
        for (FdtNode n = device; n != null; n = n.parent()) out.add(new Level(n, DmaWindows.entries(n)));
        return out;
    }
}
