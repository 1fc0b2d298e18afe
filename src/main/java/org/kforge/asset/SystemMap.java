package org.kforge.asset;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kforge.KforgeException;

/**
 * A kernel symbol table in System.map / /proc/kallsyms form ("ADDRESS TYPE NAME [module]"):
 * names to addresses, and an address to "symbol+0xoffset" among the text symbols.
 */
public final class SystemMap {
    private final Map<String, Long> byName;
    private final long[] textAddresses;
    private final String[] textNames;

    private SystemMap(Map<String, Long> byName, long[] addresses, String[] names) {
        this.byName = byName;
        this.textAddresses = addresses;
        this.textNames = names;
    }

    public static SystemMap read(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file)) {
            return parse(r.lines().toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw KforgeException.badInput("cannot read the symbol table " + file + ": " + e.getMessage(), null);
        }
    }

    /** Parses map lines; lines that are not "hex type name" (console noise) are skipped. */
    public static SystemMap parse(List<String> lines) {
        Map<String, Long> byName = new HashMap<>();
        List<long[]> text = new ArrayList<>();
        List<String> textNames = new ArrayList<>();
        for (String line : lines) {
            String[] w = line.strip().split("\\s+");
            if (w.length < 3 || w[1].length() != 1 || w[0].length() < 8) continue;
            long addr;
            try {
                addr = Long.parseUnsignedLong(w[0], 16);
            } catch (NumberFormatException e) {
                continue;
            }
            byName.putIfAbsent(w[2], addr);
            char type = Character.toLowerCase(w[1].charAt(0));
            if (type == 't' || type == 'w') {
                text.add(new long[] {addr, textNames.size()});
                textNames.add(w[2]);
            }
        }
        text.sort((a, b) -> Long.compareUnsigned(a[0], b[0]));
        long[] addrs = new long[text.size()];
        String[] names = new String[text.size()];
        for (int i = 0; i < addrs.length; i++) {
            addrs[i] = text.get(i)[0];
            names[i] = textNames.get((int) text.get(i)[1]);
        }
        return new SystemMap(byName, addrs, names);
    }

    public int size() {
        return byName.size();
    }

    /** The address of {@code name}, or null. */
    public Long address(String name) {
        return byName.get(name);
    }

    /** "symbol+0xoff" for a text address, or null when it lies before every text symbol. */
    public String symbolize(long address) {
        int lo = 0, hi = textAddresses.length - 1, best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(textAddresses[mid], address) <= 0) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (best < 0) return null;
        long off = address - textAddresses[best];
        return off == 0 ? textNames[best] : textNames[best] + "+0x" + Long.toHexString(off);
    }

    /** True when the file is a real table, not Debian's stub that points at the -dbg package. */
    public static boolean looksReal(Path file) {
        try {
            return Files.size(file) > 4096;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SystemMap[" + byName.size() + " symbols, " + Arrays.stream(textNames).count() + " text]";
    }
}
