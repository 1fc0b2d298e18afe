package org.kforge.qemu.gdb;

/** One register of the 'g' packet: its name and width, in the stub's order (target description). */
public record Register(String name, int bits) {
}
