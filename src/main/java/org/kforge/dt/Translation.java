package org.kforge.dt;

import java.util.List;

/**
 * The walk of one bus address up to the root: each hop, and the CPU physical address, or why the walk stopped.
 * {@code failure} is null when {@code cpuAddress} is valid.
 */
public record Translation(FdtNode node, int[] address, List<Hop> hops, long cpuAddress, String failure) {

    public boolean translated() {
        return failure == null;
    }

    /** One bus crossed: the bus node, its kind, the entry used (null: empty ranges, 1:1) and the address across. */
    public record Hop(FdtNode bus, BusType type, String property, RangeEntry entry, int[] before, int[] after) {
        public String how() {
            return entry == null ? "no " + property + " entries: 1:1" : property + " " + entry;
        }
    }
}
