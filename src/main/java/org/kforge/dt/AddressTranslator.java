package org.kforge.dt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kforge.KforgeException;

/**
 * Translates a bus address up to a CPU physical address, bus by bus, as Linux's __of_translate_address and
 * of_translate_one do (drivers/of/address.c). For "ranges", a bus without the property ends the walk; for
 * "dma-ranges" a missing property is 1:1, as since Linux 5.5 (commit 81db12ee15cb).
 */
public final class AddressTranslator {
    public static final String RANGES = "ranges";
    public static final String DMA_RANGES = "dma-ranges";

    private AddressTranslator() {
    }

    /** The {@code index}-th reg entry of {@code node}, as address cells on its parent's bus. */
    public static int[] reg(FdtNode node, int index) {
        if (node.isRoot()) throw KforgeException.badInput("the root node has no reg", null);
        FdtProperty reg = node.property("reg").orElseThrow(() ->
                KforgeException.badInput(node.path() + " has no reg property", "give a bus address instead: 0x..."));
        int na = AddressCells.address(node.parent());
        int ns = AddressCells.size(node.parent());
        if (na > AddressCells.MAX_ADDRESS_CELLS || ns > 2) {
            throw KforgeException.badInput(node.parent().path() + " gives its children " + na + " address and " + ns
                    + " size cells; Linux reads at most " + AddressCells.MAX_ADDRESS_CELLS + " and 2", null);
        }
        int entries = na + ns == 0 ? 0 : reg.cellCount() / (na + ns);
        if (index < 0 || index >= entries) {
            throw KforgeException.badInput(node.path() + " has " + entries + " reg entr" + (entries == 1 ? "y" : "ies")
                    + " of " + na + "+" + ns + " cells; there is no index " + index, null);
        }
        return Cells.slice(reg.cells(), index * (na + ns), na);
    }

    /** Translates {@code address}, given in the address space of {@code node}'s parent bus, through {@code property}. */
    public static Translation translate(FdtNode node, int[] address, String property) {
        List<Translation.Hop> hops = new ArrayList<>();
        FdtNode bus = node.parent();
        if (bus == null) return new Translation(node, address, hops, 0, "the root node is on no bus");
        BusType type = BusType.of(bus);
        int na = AddressCells.address(bus);
        int ns = AddressCells.size(bus);
        String bad = AddressCells.checkCounts(bus, na, ns);
        if (bad != null) return new Translation(node, address, hops, 0, bad);
        int[] addr = address;
        for (; bus.parent() != null; bus = bus.parent()) {
            FdtNode up = bus.parent();
            BusType upType = BusType.of(up);
            int pna = AddressCells.address(up);
            int pns = AddressCells.size(up);
            bad = AddressCells.checkCounts(up, pna, pns);
            if (bad != null) return new Translation(node, address, hops, 0, bad);
            Optional<FdtProperty> ranges = bus.property(property);
            int[] after;
            RangeEntry used = null;
            if (ranges.isEmpty() && property.equals(RANGES)) {
                return new Translation(node, address, hops, 0, bus.path() + " has no ranges property: the addresses"
                        + " of its children are local to that bus and not visible to the CPU");
            } else if (ranges.isEmpty() || ranges.get().length() == 0) {
                after = upType.translate(new int[pna], Cells.number(addr, 0, na));
            } else {
                for (RangeEntry e : RangeEntry.parse(ranges.get(), na, pna, ns)) {
                    Long offset = type.map(addr, e);
                    if (offset != null) {
                        used = e;
                        break;
                    }
                }
                if (used == null) {
                    return new Translation(node, address, hops, 0, Cells.format(addr) + " is outside every "
                            + property + " entry of " + bus.path() + ": " + ranges.get().cellCount() / (na + pna + ns)
                            + " entries " + RangeEntry.parse(ranges.get(), na, pna, ns));
                }
                after = upType.translate(used.parent(), type.map(addr, used));
            }
            hops.add(new Translation.Hop(bus, type, property, used, addr, after));
            addr = after;
            na = pna;
            ns = pns;
            type = upType;
        }
        return new Translation(node, address, hops, Cells.number(addr, 0, na), null);
    }
}
