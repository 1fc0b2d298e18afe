package org.kforge.dt;

/**
 * One DMA window: bus addresses [busStart, busStart + size) reach CPU physical [cpuStart, cpuStart + size).
 * Linux keeps the same thing as a struct bus_dma_region (include/linux/dma-direct.h).
 */
public record DmaRange(long busStart, long cpuStart, long size) {

    /** CPU address minus bus address, what Linux calls the region's offset. */
    public long offset() {
        return cpuStart - busStart;
    }

    public long cpuLast() {
        return cpuStart + size - 1;
    }

    public long busLast() {
        return busStart + size - 1;
    }

    public boolean holdsCpu(long cpu) {
        return Long.compareUnsigned(cpu - cpuStart, size) < 0 && Long.compareUnsigned(cpu, cpuStart) >= 0;
    }

    public boolean holdsBus(long bus) {
        return Long.compareUnsigned(bus - busStart, size) < 0 && Long.compareUnsigned(bus, busStart) >= 0;
    }

    /** "bus 0xc0000000-0xffffffff -> CPU 0x0-0x3fffffff (1 GiB)" */
    @Override
    public String toString() {
        if (size == 0) return "bus " + Cells.hex(busStart) + " -> CPU " + Cells.hex(cpuStart) + " (size 0: an empty window, no DMA through it)";
        return "bus " + Cells.hex(busStart) + "-" + Cells.hex(busLast()) + " -> CPU " + Cells.hex(cpuStart) + "-"
                + Cells.hex(cpuLast()) + " (" + Sizes.human(size) + ")";
    }
}
