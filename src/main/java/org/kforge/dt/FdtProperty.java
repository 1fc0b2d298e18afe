package org.kforge.dt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A property: a name and raw big-endian bytes, with the readings the devicetree spec defines. */
public record FdtProperty(String name, byte[] value) {

    public int length() {
        return value.length;
    }

    /** Number of whole 32-bit cells. */
    public int cellCount() {
        return value.length / 4;
    }

    public long cell(int index) {
        int o = index * 4;
        return ((value[o] & 0xffL) << 24) | ((value[o + 1] & 0xffL) << 16) | ((value[o + 2] & 0xffL) << 8) | (value[o + 3] & 0xffL);
    }

    public int[] cells() {
        int[] c = new int[cellCount()];
        for (int i = 0; i < c.length; i++) c[i] = (int) cell(i);
        return c;
    }

    /** The value as a u32, or -1 if it is not exactly one cell (Linux's of_property_read_u32 then fails). */
    public long u32OrMinusOne() {
        return value.length >= 4 ? cell(0) : -1;
    }

    /** The value as a NUL-separated string list (a trailing piece without NUL is kept too). */
    public List<String> strings() {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length; i++) {
            if (value[i] == 0) {
                out.add(new String(value, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < value.length) out.add(new String(value, start, value.length - start, StandardCharsets.UTF_8));
        return out;
    }

    public String string() {
        List<String> s = strings();
        return s.isEmpty() ? "" : s.get(0);
    }

    public boolean sameValue(FdtProperty other) {
        return java.util.Arrays.equals(value, other.value);
    }
}
