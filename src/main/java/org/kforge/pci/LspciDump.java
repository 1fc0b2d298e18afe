package org.kforge.pci;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kforge.KforgeException;
import org.kforge.TerminalText;

/**
 * Config space in {@code lspci -x/-xxx/-xxxx} form: written for {@code lspci -F FILE}, and read back as
 * {@code lspci -F} reads it (pciutils lib/dump.c): a line starting with an address opens a device, lines
 * "OFFSET: 16 hex bytes" fill its config space, a blank line closes it. Lines indented or of other text
 * (the -v output pasted along) are passed over, as people paste them.
 */
public final class LspciDump {
    private static final Pattern DEVICE = Pattern.compile("^((?:[0-9a-fA-F]{4,8}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7])(?:\\s.*)?$");
    private static final Pattern DATA = Pattern.compile("^([0-9a-fA-F]{2,3}):((?: [0-9a-fA-F]{2}){1,16})\\s*$");

    private LspciDump() {
    }

    public static String of(List<PciDevice> devices) {
        StringBuilder s = new StringBuilder();
        for (PciDevice d : devices) {
            s.append(d.bdf()).append(" dump\n");
            ConfigSpace c = d.config();
            for (int at = 0; at < c.readable(); at += 16) {
                s.append(String.format("%02x:", at));
                for (int i = at; i < Math.min(at + 16, c.readable()); i++) s.append(String.format(" %02x", c.u8(i)));
                s.append('\n');
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Each device's config space, in address order; {@code where} names the dump in errors. */
    public static Map<Bdf, byte[]> parse(String text, String where) {
        Map<Bdf, byte[]> out = new TreeMap<>();
        Bdf current = null;
        byte[] bytes = null;
        int filled = 0;
        int number = 0;
        for (String line : text.split("\r\n|\n|\r", -1)) {
            number++;
            Matcher dev = DEVICE.matcher(line);
            Matcher data = DATA.matcher(line);
            if (dev.matches()) {
                close(out, current, bytes, filled, where);
                current = Bdf.parse(dev.group(1));
                if (out.containsKey(current)) throw bad(where, number, "device " + current + " appears twice");
                bytes = new byte[ConfigSpace.EXTENDED];
                filled = 0;
            } else if (data.matches() && current != null) {
                int at = Integer.parseInt(data.group(1), 16);
                if (at != filled) throw bad(where, number, String.format("offset %02x after %02x: a line is missing or out of order", at, filled));
                String[] hex = data.group(2).strip().split(" ");
                for (String h : hex) bytes[filled++] = (byte) Integer.parseInt(h, 16);
            } else if (line.isBlank()) {
                close(out, current, bytes, filled, where);
                current = null;
            }
        }
        close(out, current, bytes, filled, where);
        if (out.isEmpty()) {
            throw KforgeException.badInput(where + " holds no lspci dump: no line like '00:02.0 ...' followed by '00: 86 80 ...'",
                    "make one with lspci -xxx (or -xxxx as root) and give that");
        }
        return out;
    }

    private static void close(Map<Bdf, byte[]> out, Bdf bdf, byte[] bytes, int filled, String where) {
        if (bdf == null || filled == 0) return;
        out.put(bdf, java.util.Arrays.copyOf(bytes, filled));
    }

    private static KforgeException bad(String where, int line, String what) {
        return KforgeException.badInput(TerminalText.visible(where + ":" + line + ": " + what), "give the output of lspci -xxx as it was printed");
    }
}
