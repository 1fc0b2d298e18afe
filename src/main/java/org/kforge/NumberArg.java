package org.kforge;

import org.kforge.KforgeException;

/** Numbers on the command line: 0x-prefixed hex (underscores allowed, as in 0xfe20_1000) or decimal, 64-bit unsigned. */
public final class NumberArg {
    private NumberArg() {
    }

    public static long parse(String what, String text) {
        String t = text.strip().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        try {
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw KforgeException.badInput(what + " " + text + " is not a number", "write it as 0xfe201000 or 4263514112");
        }
    }

    public static boolean isHex(String text) {
        return text.strip().toLowerCase(java.util.Locale.ROOT).startsWith("0x");
    }
}
