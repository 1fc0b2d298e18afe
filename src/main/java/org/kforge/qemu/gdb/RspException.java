package org.kforge.qemu.gdb;

import java.io.IOException;

/** The gdbstub broke the protocol, closed the connection, or answered with an error. */
public class RspException extends IOException {
    public RspException(String message) {
        super(message);
    }
}
