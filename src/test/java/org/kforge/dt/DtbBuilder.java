package org.kforge.dt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes small version-17 DTBs for tests, laid out as dtc does: header, memreserve, structure, strings (names as bytes, ISO-8859-1). */
public final class DtbBuilder {
    private final ByteArrayOutputStream struct = new ByteArrayOutputStream();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
    private final Map<String, Integer> nameOffsets = new LinkedHashMap<>();
    private final List<long[]> reserved = new ArrayList<>();

    public DtbBuilder begin(String name) {
        u32(struct, StructureBlock.BEGIN_NODE);
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        struct.writeBytes(n);
        struct.write(0);
        pad();
        return this;
    }

    public DtbBuilder end() {
        u32(struct, StructureBlock.END_NODE);
        return this;
    }

    public DtbBuilder prop(String name, byte[] value) {
        u32(struct, StructureBlock.PROP);
        u32(struct, value.length);
        u32(struct, nameOffsets.computeIfAbsent(name, k -> {
            int off = strings.size();
            strings.writeBytes(k.getBytes(StandardCharsets.ISO_8859_1));
            strings.write(0);
            return off;
        }));
        struct.writeBytes(value);
        pad();
        return this;
    }

    public DtbBuilder cells(String name, long... cells) {
        ByteBuffer b = ByteBuffer.allocate(cells.length * 4);
        for (long c : cells) b.putInt((int) c);
        return prop(name, b.array());
    }

    public DtbBuilder string(String name, String... values) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        for (String s : values) {
            v.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            v.write(0);
        }
        return prop(name, v.toByteArray());
    }

    public DtbBuilder reserve(long address, long size) {
        reserved.add(new long[] {address, size});
        return this;
    }

    public byte[] build() {
        u32(struct, StructureBlock.END);
        int rsvOff = 40;
        int structOff = rsvOff + 16 * (reserved.size() + 1);
        int stringsOff = structOff + struct.size();
        int total = stringsOff + strings.size();
        ByteBuffer b = ByteBuffer.allocate(total);
        b.putInt((int) FdtHeader.MAGIC).putInt(total).putInt(structOff).putInt(stringsOff).putInt(rsvOff)
                .putInt(17).putInt(16).putInt(0).putInt(strings.size()).putInt(struct.size());
        for (long[] r : reserved) b.putLong(r[0]).putLong(r[1]);
        b.putLong(0).putLong(0);
        b.put(struct.toByteArray()).put(strings.toByteArray());
        return b.array();
    }

    private void pad() {
        while (struct.size() % 4 != 0) struct.write(0);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
    }
}
