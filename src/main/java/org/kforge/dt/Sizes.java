package org.kforge.dt;

/** Byte counts for people: "1 GiB", "24 MiB", "0x9310 bytes". */
public final class Sizes {
    private Sizes() {
    }

    public static String human(long size) {
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        if (size == 0) return "0 bytes";
        for (int i = units.length; i >= 1; i--) {
            long unit = 1L << (10 * i);
            if (Long.compareUnsigned(size, unit) >= 0 && Long.remainderUnsigned(size, unit) == 0) {
                return Long.toUnsignedString(Long.divideUnsigned(size, unit)) + " " + units[i - 1];
            }
        }
        return Cells.hex(size) + " bytes";
    }
}
