package org.kforge.dt;

/**
 * A property value in DTS syntax, guessed the way dtc 1.6's guess_value_type does (treesource.c): a string
 * (list) if NUL-terminated, printable and no more NULs than other bytes; else cells if a multiple of 4; else bytes.
 * One exception: dtc writes bytes 00 32 4b 00 as "\02K", which its own lexer reads back as octal \02 and loses
 * a byte; a NUL followed by an octal digit is therefore never written as a string here.
 */
public final class DtsValue {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private DtsValue() {
    }

    /** " = value" for a non-empty value, nothing for an empty one (the caller adds ';'). */
    static void append(StringBuilder out, byte[] v) {
        if (v.length == 0) return;
        out.append(" = ");
        if (isString(v)) string(out, v);
        else if (v.length % 4 == 0) cells(out, v);
        else bytes(out, v);
    }

    /** The value alone: "<0x01 0x02>", "\"okay\"", "[0a 0b]", or "" for an empty property. */
    public static String of(byte[] v) {
        StringBuilder out = new StringBuilder();
        append(out, v);
        return out.length() == 0 ? "" : out.substring(3);
    }

    static boolean isString(byte[] v) {
        int nul = 0;
        byte prev = 1;
        for (byte c : v) {
            if (c == 0) nul++;
            else if (!(c >= 0x20 && c < 0x7f) && "\u0007\b\t\n\u000b\f\r".indexOf(c) < 0) return false;
            else if (prev == 0 && c >= '0' && c <= '7') return false;
            prev = c;
        }
        return v[v.length - 1] == 0 && nul <= v.length - nul;
    }

    private static void string(StringBuilder out, byte[] v) {
        out.append('"');
        for (int i = 0; i < v.length - 1; i++) {
            char c = (char) v[i];
            switch (c) {
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case 11 -> out.append("\\v");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case 0 -> out.append("\\0");
                default -> out.append(c);
            }
        }
        out.append('"');
    }

    private static void cells(StringBuilder out, byte[] v) {
        out.append('<');
        for (int i = 0; i < v.length; i += 4) {
            if (i > 0) out.append(' ');
            long cell = ((v[i] & 0xffL) << 24) | ((v[i + 1] & 0xff) << 16) | ((v[i + 2] & 0xff) << 8) | (v[i + 3] & 0xff);
            out.append("0x");
            if (cell < 0x10) out.append('0');
            out.append(Long.toHexString(cell));
        }
        out.append('>');
    }

    private static void bytes(StringBuilder out, byte[] v) {
        out.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) out.append(' ');
            out.append(HEX[(v[i] >> 4) & 0xf]).append(HEX[v[i] & 0xf]);
        }
        out.append(']');
    }
}
