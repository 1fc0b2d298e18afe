package org.kforge.dt;

/**
 * How a bus matches an address against a ranges entry: Linux's of_bus table in drivers/of/address.c.
 * A PCI bus (device_type "pci"/"pciex") has a flags cell first and matches on the space code in it.
 */
public enum BusType {
    DEFAULT(0),
    PCI(1);

    private static final int IO = 1;
    private static final int MEM = 2;

    private final int flagCells;

    BusType(int flagCells) {
        this.flagCells = flagCells;
    }

    /** The kind of address the children of {@code bus} use (of_match_bus). */
    public static BusType of(FdtNode bus) {
        String type = bus.property("device_type").map(FdtProperty::string).orElse("");
        return type.equals("pci") || type.equals("pciex") ? PCI : DEFAULT;
    }

    public int flagCells() {
        return flagCells;
    }

    /** The address proper, without the flags cell. */
    public long address(int[] cells) {
        return Cells.number(cells, flagCells, cells.length - flagCells);
    }

    /** A bus address given as one number; on PCI it goes in memory space (32- or 64-bit by its size). */
    public int[] addressFor(long value, int cells) {
        int[] c = Cells.of(value, cells);
        if (this == PCI && cells == 3) c[0] = (value >>> 32) == 0 ? 0x02000000 : 0x03000000;
        return c;
    }

    /** Offset of {@code addr} inside the entry's child window, or null if it is outside (of_bus_*_map). */
    public Long map(int[] addr, RangeEntry e) {
        if (this == PCI && ((space(addr[0]) ^ space(e.child()[0])) & (IO | MEM)) != 0) return null;
        long da = address(addr);
        long cp = address(e.child());
        if (Long.compareUnsigned(da, cp) < 0 || Long.compareUnsigned(da - cp, e.size()) >= 0) return null;
        return da - cp;
    }

    /** {@code addr} moved up by {@code offset}, flags cell untouched (of_bus_*_translate). */
    public int[] translate(int[] addr, long offset) {
        int n = addr.length - flagCells;
        int[] out = addr.clone();
        long a = Cells.number(addr, flagCells, n) + offset;
        System.arraycopy(Cells.of(a, n), 0, out, flagCells, n);
        return out;
    }

    /** of_bus_pci_get_flags: space code 01 is I/O, 10 and 11 are (32- and 64-bit) memory; 00 config space. */
    private static int space(int hi) {
        int code = (hi >>> 24) & 3;
        return code == 1 ? IO : code >= 2 ? MEM : 0;
    }

    /** "mem64 prefetchable", "io", "config" for a PCI phys.hi cell. */
    public static String pciSpace(int hi) {
        String[] names = {"config", "io", "mem32", "mem64"};
        return names[(hi >>> 24) & 3] + ((hi & 0x40000000) != 0 ? " prefetchable" : "");
    }
}
