package org.kforge.jtag;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** OpenOCD's ports must be free before it starts: a second openocd would answer kforge in its place. */
final class OpenOcdPorts {
    private OpenOcdPorts() {
    }

    static void requireFree(JtagSpec.Ports ports) {
        for (int port : new int[] {ports.gdb(), ports.tcl(), ports.telnet()}) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                throw AdapterProblem.busyPort(port);
            }
        }
    }
}
