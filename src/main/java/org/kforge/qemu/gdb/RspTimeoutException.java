package org.kforge.qemu.gdb;

/** The gdbstub did not answer in time. */
public final class RspTimeoutException extends RspException {
    public RspTimeoutException(String message) {
        super(message);
    }
}
