package org.kforge.pci;

import java.util.List;

/** Config space in {@code lspci -xxxx} form, which {@code lspci -F FILE} reads back (pciutils lib/dump.c). */
public final class LspciDump {
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
}
