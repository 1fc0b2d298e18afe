package org.kforge.pci;

import java.util.ArrayList;
import java.util.List;
import org.kforge.KforgeException;

/**
 * One line of sysfs {@code resource}: start, end and flags of a BAR window as the kernel assigned it.
 * Sizes come from here; probing them from config space would mean writing all ones to the BAR.
 * Flags are IORESOURCE_* from include/linux/ioport.h.
 */
public record Resource(long start, long end, long flags) {
    public static final long IO = 0x100;
    public static final long MEM = 0x200;
    public static final long PREFETCH = 0x2000;
    public static final long MEM_64 = 0x100000;
    public static final long DISABLED = 0x10000000;

    public boolean assigned() {
        return start != 0 || end != 0;
    }

    public long size() {
        return assigned() ? end - start + 1 : 0;
    }

    /** Parses the whole file: one line per resource, three hex numbers each ("0x..."); {@code where} names it in errors. */
    public static List<Resource> parse(String text, String where) {
        List<Resource> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 3) continue;
            out.add(new Resource(hex(f[0], where, line), hex(f[1], where, line), hex(f[2], where, line)));
        }
        return out;
    }

    private static long hex(String field, String where, String line) {
        try {
            if (!field.startsWith("0x") || field.length() > 18) throw new NumberFormatException();
            return Long.parseUnsignedLong(field.substring(2), 16);
        } catch (NumberFormatException e) {
            throw KforgeException.badInput(where + ": not a resource line (three 0x numbers): "
                    + (line.length() > 80 ? line.substring(0, 77) + "..." : line), "take the snapshot again with kforge pci snapshot");
        }
    }
}
