package org.kforge.jtag;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: free ports, board files for a fake chip, and the openocd processes this JVM left. */
final class OpenOcds {
    static final String TAP_ONLY = Path.of("src/test/resources/jtag/bcm2711-tap-only.cfg").toAbsolutePath().toString();

    private OpenOcds() {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A board file whose adapter is remote_bitbang on {@code bitbangPort}, with free server ports. */
    static Path boardFile(Path dir, int bitbangPort, String target) throws IOException {
        return Files.writeString(dir.resolve("fake-board.yaml"), String.join("\n",
                "name: fake-rpi4",
                "jtag:",
                "  adapter: {kind: remote_bitbang, host: 127.0.0.1, port: " + bitbangPort + "}",
                "  target: " + target,
                "  ports: {gdb: " + freePort() + ", tcl: " + freePort() + ", telnet: " + freePort() + "}",
                ""));
    }

    /** openocd processes started by this JVM that still run (none may be left behind). */
    static long running() {
        return ProcessHandle.current().descendants()
                .filter(h -> h.isAlive() && h.info().command().map(c -> c.endsWith("/openocd")).orElse(false)).count();
    }
}
