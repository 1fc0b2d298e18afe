package org.kforge.dt;

import java.util.ArrayList;
import java.util.List;

/** One entry of a ranges or dma-ranges property: child bus address, parent bus address, size. */
public record RangeEntry(int[] child, int[] parent, long size) {

    /** Entries of {@code na + pna + ns} cells each; trailing cells that make no whole entry are ignored, as Linux does. */
    public static List<RangeEntry> parse(FdtProperty p, int na, int pna, int ns) {
        if (na > AddressCells.MAX_ADDRESS_CELLS || pna > AddressCells.MAX_ADDRESS_CELLS || ns > 2 || ns < 0) {
            throw org.kforge.KforgeException.badInput("cannot read " + p.name() + " with " + na + " child address, " + pna
                    + " parent address and " + ns + " size cells (Linux reads at most 4, 4 and 2)", null);
        }
        int[] c = p.cells();
        int one = na + pna + ns;
        List<RangeEntry> out = new ArrayList<>();
        for (int i = 0; one > 0 && i + one <= c.length; i += one) {
            out.add(new RangeEntry(Cells.slice(c, i, na), Cells.slice(c, i + na, pna), Cells.number(c, i + na + pna, ns)));
        }
        return out;
    }

    /** "<0x7e000000> -> <0x0 0xfe000000> size 0x1800000" */
    @Override
    public String toString() {
        return Cells.format(child) + " -> " + Cells.format(parent) + " size " + Cells.hex(size);
    }
}
