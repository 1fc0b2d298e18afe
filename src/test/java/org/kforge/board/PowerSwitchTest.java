package org.kforge.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.KforgeException;
import org.kforge.profile.BoardPower;

/** Power through commands and through a real pdudaemon (Debian's, localcmdline driver) on loopback. */
class PowerSwitchTest {
    @TempDir Path dir;

    @Test
    void commandsSwitchAndACycleIsOffThenOn() throws Exception {
        Path log = dir.resolve("power.log");
        BoardPower p = new BoardPower("echo on >> " + log, "echo off >> " + log, null, null, null, null, null);
        PowerSwitch s = new PowerSwitch(p, "lab");
        s.apply("on");
        s.apply("cycle");
        assertThat(Files.readAllLines(log)).containsExactly("on", "off", "on");
    }

    @Test
    void aFailingCommandIsTheTargetsFailureWithItsLastLine() {
        PowerSwitch s = new PowerSwitch(new BoardPower(null, null, "echo 'relay 3 not found' >&2; exit 4", null, null, null, null), "lab");
        assertThatThrownBy(() -> s.apply("cycle")).isInstanceOf(KforgeException.class)
                .hasMessage("power cycle command failed (exit 4): relay 3 not found")
                .satisfies(e -> assertThat(((KforgeException) e).exitCode()).isEqualTo(1));
    }

    @Test
    void noSwitchIsNamed() {
        assertThatThrownBy(() -> new PowerSwitch(null, "pi").apply("on")).hasMessage("board pi has no power switch in its profile");
    }

    @Test
    void aRealPdudaemonSwitchesTheLocalCommandPdu() throws Exception {
        assertThat(Path.of("/usr/sbin/pdudaemon")).as("pdudaemon (scripts/host-packages, test group)").exists();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("pdu.log");
        Path conf = dir.resolve("pdudaemon.conf");
        Files.writeString(conf, """
                {"daemon": {"hostname": "127.0.0.1", "port": %d, "logging_level": "DEBUG", "listener": "http"},
                 "pdus": {"lab": {"driver": "localcmdline", "cmd_on": "echo '%%s on' >> %s", "cmd_off": "echo '%%s off' >> %s"}}}
                """.formatted(port, log, log));
        Process d = new ProcessBuilder("/usr/sbin/pdudaemon", "--conf", conf.toString(), "--logfile", dir.resolve("pdud.log").toString(),
                "--loglevel", "DEBUG").redirectErrorStream(true).redirectOutput(dir.resolve("pdud.out").toFile()).start();
        try {
            awaitPort(port, d);
            PowerSwitch s = new PowerSwitch(new BoardPower(null, null, null, "http://127.0.0.1:" + port, "lab", 3, null), "lab-pi");
            assertThat(s.apply("on")).isEqualTo("pdudaemon: on queued for lab port 3");
            awaitLines(log, List.of("3 on"));
            s.apply("cycle");
            awaitLines(log, List.of("3 on", "3 off", "3 on"));
        } finally {
            d.destroy();
            if (!d.waitFor(5, TimeUnit.SECONDS)) d.destroyForcibly().waitFor();
        }
    }

    private static void awaitPort(int port, Process d) throws Exception {
        for (int i = 0; i < 200; i++) {
            assertThat(d.isAlive()).as("pdudaemon runs").isTrue();
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("pdudaemon did not listen on " + port);
    }

    private static void awaitLines(Path log, List<String> want) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Files.exists(log) && Files.readAllLines(log).equals(want)) return;
            Thread.sleep(100);
        }
        assertThat(Files.exists(log) ? Files.readAllLines(log) : List.of()).isEqualTo(want);
    }
}
