package org.kforge.pci;

import org.kforge.KforgeException;

/**
 * The bytes of a device's configuration space as far as they could be read. The kernel gives
 * unprivileged readers of sysfs {@code config} only the first 64 bytes (drivers/pci/pci-sysfs.c,
 * pci_read_config), so {@link #readable()} may be less than the device's real size.
 */
public record ConfigSpace(byte[] bytes) {
    /** The standard header every function has; anything shorter is not a config space. */
    public static final int HEADER = 64;
    /** A PCI Express function's whole config space; sysfs never gives more. */
    public static final int EXTENDED = 4096;
    /** What an unprivileged reader gets. */
    public static final int UNPRIVILEGED = 64;

    public static ConfigSpace of(byte[] bytes, String where) {
        if (bytes.length < HEADER) {
            throw KforgeException.badInput(where + " holds " + bytes.length + " bytes of config space, fewer than the 64-byte header",
                    "take the snapshot again (kforge pci snapshot, as root for the whole config space)");
        }
        return new ConfigSpace(bytes.clone());
    }

    public int readable() {
        return bytes.length;
    }

    /** Only the header could be read: the reader lacked CAP_SYS_ADMIN. */
    public boolean truncated() {
        return bytes.length == UNPRIVILEGED;
    }

    public boolean has(int offset, int width) {
        return offset >= 0 && offset + width <= bytes.length;
    }

    public int u8(int off) {
        return bytes[off] & 0xff;
    }

    public int u16(int off) {
        return u8(off) | u8(off + 1) << 8;
    }

    public long u32(int off) {
        return (u16(off) | (long) u16(off + 2) << 16) & 0xffffffffL;
    }

    public long read(int off, int width) {
        return switch (width) {
            case 1 -> u8(off);
            case 2 -> u16(off);
            default -> u32(off);
        };
    }

    /** A function that does not answer reads as all ones: link down, powered off or in reset. */
    public boolean allOnes() {
        return u16(0) == 0xffff;
    }

    public int headerType() {
        return u8(0x0e) & 0x7f;
    }

    public int vendorId() {
        return u16(0);
    }

    public int deviceId() {
        return u16(2);
    }
}
