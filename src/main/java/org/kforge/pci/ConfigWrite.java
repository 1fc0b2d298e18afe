package org.kforge.pci;

import java.io.IOException;
import java.io.RandomAccessFile;
import org.kforge.KforgeException;

/** A setpci-style write {@code REG=VALUE[:MASK]}: bits outside the mask keep their current value (setpci.c, exec_op). */
public record ConfigWrite(ConfigRegister register, long value, long mask) {

    public static ConfigWrite parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) throw KforgeException.badInput("write '" + text + "': expected REG=VALUE[:MASK], e.g. COMMAND=0x0006:0x0006", null);
        ConfigRegister r = ConfigRegister.parse(text.substring(0, eq));
        String v = text.substring(eq + 1);
        long full = r.width() == 4 ? 0xffffffffL : (1L << (8 * r.width())) - 1;
        int colon = v.indexOf(':');
        long value = number(colon < 0 ? v : v.substring(0, colon), text);
        long mask = colon < 0 ? full : number(v.substring(colon + 1), text);
        if (Long.compareUnsigned(value, full) > 0 || Long.compareUnsigned(mask, full) > 0) {
            throw KforgeException.badInput("write '" + text + "': value wider than " + r.width() + " byte(s)", null);
        }
        return new ConfigWrite(r, value, mask);
    }

    /** A hex number as setpci reads it: digits only, no sign (setpci takes "-1" for no number). */
    private static long number(String s, String text) {
        String digits = s.toLowerCase().startsWith("0x") ? s.substring(2) : s;
        if (!digits.matches("[0-9a-fA-F]{1,16}")) {
            throw KforgeException.badInput("write '" + text + "': invalid hex value \"" + s + "\"", "give hex digits, e.g. COMMAND=0x0006");
        }
        return Long.parseUnsignedLong(digits, 16);
    }

    public long merged(long old) {
        return (old & ~mask) | (value & mask);
    }

    /** Writes little-endian at the offset of sysfs config: the kernel turns it into config cycles of that width. */
    public void perform(SysfsSnapshot live, PciDevice d, int addr, long newValue) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(live.path("/sys/bus/pci/devices/" + d.bdf() + "/config").toFile(), "rw")) {
            byte[] b = new byte[register.width()];
            for (int i = 0; i < b.length; i++) b[i] = (byte) (newValue >>> (8 * i));
            f.seek(addr);
            f.write(b);
        }
    }
}
