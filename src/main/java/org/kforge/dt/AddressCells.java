package org.kforge.dt;

/**
 * #address-cells and #size-cells of a bus's children. Like Linux's of_bus_n_addr_cells (drivers/of/base.c) the
 * value is looked up on the bus node, then its ancestors, and defaults to 2 and 1 when no ancestor has it.
 */
public final class AddressCells {
    public static final int ROOT_ADDRESS_CELLS = 2;
    public static final int ROOT_SIZE_CELLS = 1;
    /** OF_MAX_ADDR_CELLS in drivers/of/address.c. */
    public static final int MAX_ADDRESS_CELLS = 4;

    private AddressCells() {
    }

    /** Address cells of the children of {@code bus}. */
    public static int address(FdtNode bus) {
        return lookUp(bus, "#address-cells", ROOT_ADDRESS_CELLS);
    }

    /** Size cells of the children of {@code bus}. */
    public static int size(FdtNode bus) {
        return lookUp(bus, "#size-cells", ROOT_SIZE_CELLS);
    }

    private static int lookUp(FdtNode n, String prop, int dflt) {
        for (; n != null; n = n.parent()) {
            long v = n.property(prop).map(FdtProperty::u32OrMinusOne).orElse(-1L);
            if (v >= 0) return (int) Math.min(v, Integer.MAX_VALUE);
        }
        return dflt;
    }

    /** Linux's OF_CHECK_COUNTS: 1..4 address cells and at least one size cell, or translation is impossible. */
    static String checkCounts(FdtNode bus, int na, int ns) {
        if (na < 1 || na > MAX_ADDRESS_CELLS) {
            return bus.path() + " has #address-cells = " + na + " for its children (Linux translates 1 to " + MAX_ADDRESS_CELLS + ")";
        }
        if (ns < 1 || ns > 2) {
            return bus.path() + " has #size-cells = " + ns
                    + (ns == 0 ? ": its children (I2C, SPI, MDIO devices, CPUs) have no memory-mapped address" : " (kforge reads 1 or 2)");
        }
        return null;
    }
}
