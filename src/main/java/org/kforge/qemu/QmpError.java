package org.kforge.qemu;

import java.io.IOException;

/** QEMU answered a QMP command with an error (the command was understood and refused). */
public final class QmpError extends IOException {
    public QmpError(String message) {
        super(message);
    }
}
