package org.kforge.pci;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kforge.KforgeException;

/** A PCI address, domain:bus:device.function, as sysfs names it ({@code 0000:01:00.0}). */
public record Bdf(int domain, int bus, int device, int function) implements Comparable<Bdf> {
    private static final Pattern FORM = Pattern.compile("(?:([0-9a-fA-F]{1,8}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-7])");

    /** Parses {@code [domain:]bus:device.function} in hex, as lspci and setpci print it. */
    public static Bdf parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw KforgeException.badInput("malformed PCI address '" + text + "': expected [domain:]bus:device.function in hex, e.g. 0000:01:00.0",
                    "kforge pci list shows the addresses present");
        }
        int dev = Integer.parseInt(m.group(3), 16);
        if (dev > 0x1f) {
            throw KforgeException.badInput("malformed PCI address '" + text + "': device " + m.group(3) + " is above 1f", null);
        }
        return new Bdf(m.group(1) == null ? 0 : (int) Long.parseLong(m.group(1), 16), Integer.parseInt(m.group(2), 16), dev,
                Integer.parseInt(m.group(4)));
    }

    /** True for names like sysfs directory entries ({@code 0000:00:02.0}). */
    public static boolean looksLike(String name) {
        return FORM.matcher(name).matches() && name.indexOf(':') != name.lastIndexOf(':');
    }

    /** lspci's short form: the domain only when it is not 0. */
    public String shortName() {
        String s = String.format("%02x:%02x.%x", bus, device, function);
        return domain == 0 ? s : String.format("%04x:", domain) + s;
    }

    @Override
    public String toString() {
        return String.format("%04x:%02x:%02x.%x", domain, bus, device, function);
    }

    @Override
    public int compareTo(Bdf o) {
        return toString().compareTo(o.toString());
    }
}
