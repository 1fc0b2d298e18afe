package org.kforge.boot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.kforge.KforgeException;

/** Reserves the loopback ports a boot listens on (the gdbstub's, ssh's): the one asked for, or a free one for 0. */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    public static Integer reserve(Integer asked, String what, String option) {
        if (asked == null || asked != 0) return asked;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw KforgeException.hostMissing("no free TCP port on loopback for " + what, "give one: " + option);
        }
    }
}
