package org.kforge.pci;

/** lspci's way of printing flag bits: {@code Name+} when set, {@code Name-} when clear. */
final class Flags {
    private Flags() {
    }

    /** names[i] is bit i; null names are skipped. */
    static String of(long value, String... names) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null) continue;
            if (s.length() > 0) s.append(' ');
            s.append(names[i]).append((value >>> i & 1) != 0 ? '+' : '-');
        }
        return s.toString();
    }

    static String size(long bytes) {
        String[] units = {"", "K", "M", "G", "T"};
        int u = 0;
        while (u < units.length - 1 && bytes >= 1024 && bytes % 1024 == 0) {
            bytes /= 1024;
            u++;
        }
        return bytes + units[u];
    }
}
