package org.kforge.dt;

import org.kforge.KforgeException;

/** A DTB's bytes with bounded big-endian reads: every read past the end names the byte offset. */
final class FdtBytes {
    private final byte[] data;
    private final String source;

    FdtBytes(byte[] data, String source) {
        this.data = data;
        this.source = source;
    }

    int length() {
        return data.length;
    }

    long u32(long offset) {
        need(offset, 4, "a 32-bit value");
        int o = (int) offset;
        return ((data[o] & 0xffL) << 24) | ((data[o + 1] & 0xffL) << 16) | ((data[o + 2] & 0xffL) << 8) | (data[o + 3] & 0xffL);
    }

    long u64(long offset) {
        return (u32(offset) << 32) | u32(offset + 4);
    }

    byte at(int offset) {
        return data[offset];
    }

    byte[] copy(int offset, int length) {
        return java.util.Arrays.copyOfRange(data, offset, offset + length);
    }

    /** Offset of the NUL that ends the string starting at {@code offset}, searching no further than {@code limit}. */
    int nul(int offset, int limit, String what) {
        for (int i = offset; i < limit; i++) {
            if (data[i] == 0) return i;
        }
        throw bad(offset, what + " is not NUL-terminated before byte 0x" + Long.toHexString(limit));
    }

    /** True when the first bytes are printable ASCII or whitespace, as in DTS source or any text file. */
    boolean looksLikeText() {
        int n = Math.min(data.length, 64);
        for (int i = 0; i < n; i++) {
            int c = data[i] & 0xff;
            if (c < 0x09 || (c > 0x0d && c < 0x20) || c > 0x7e) return false;
        }
        return n > 0;
    }

    String latin1(int offset, int length) {
        return new String(data, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private void need(long offset, int n, String what) {
        if (offset < 0 || offset + n > data.length) {
            throw bad(offset, "file ends before " + what + " (file is " + data.length + " bytes)");
        }
    }

    /** The one error a bad DTB gives: file, byte offset, what is wrong. */
    KforgeException bad(long offset, String what) {
        return KforgeException.badInput(source + ": bad DTB at byte 0x" + Long.toHexString(offset)
                + " (" + offset + "): " + what, null);
    }
}
