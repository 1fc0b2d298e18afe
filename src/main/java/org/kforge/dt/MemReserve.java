package org.kforge.dt;

/** One entry of the memory reservation block: memory the kernel must not touch (/memreserve/ in DTS). */
public record MemReserve(long address, long size) {

    /** Reads entries up to the terminating (0, 0) pair (Devicetree Specification, 5.3). */
    static java.util.List<MemReserve> read(FdtBytes b, FdtHeader h) {
        var list = new java.util.ArrayList<MemReserve>();
        for (long pos = h.offMemRsvmap(); ; pos += 16) {
            if (pos + 16 > h.totalSize()) {
                throw b.bad(pos, "memory reservation block has no terminating (0, 0) entry");
            }
            long address = b.u64(pos);
            long size = b.u64(pos + 8);
            if (address == 0 && size == 0) return list;
            list.add(new MemReserve(address, size));
        }
    }
}
