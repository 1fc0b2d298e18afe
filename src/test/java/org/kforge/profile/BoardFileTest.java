package org.kforge.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.KforgeException;

class BoardFileTest {
    @TempDir Path dir;

    private BoardRegistry registry() {
        return new BoardRegistry(dir);
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void shippedBoardsKnowTheirUartsAndLayout() {
        BoardProfile pi = registry().select("rpi4");
        assertThat(pi.console().device()).isEqualTo("ttyS0");
        assertThat(pi.console().earlycon()).isEqualTo("uart8250,mmio32,0xfe215040");
        assertThat(pi.console().uarts()).extracting(BoardConsole.Uart::device).containsExactly("ttyS0", "ttyAMA0");
        assertThat(pi.console().uarts().get(1).earlycon()).isEqualTo("pl011,mmio32,0xfe201000");
        assertThat(pi.firmware().partition()).isEqualTo("/boot/firmware");
        assertThat(pi.firmware().lines()).contains("enable_uart=1");
        assertThat(registry().select("cm4").firmware().dtb()).isEqualTo("bcm2711-rpi-cm4.dtb");
        assertThat(pi.source()).isEqualTo("shipped");
    }

    @Test
    void aUsersBoardExtendsAShippedOneAndSaysWhereItCameFrom() throws IOException {
        Path f = write("lab-pi", """
                extends: rpi4
                ssh: pi@10.0.0.7
                console:
                  tcp: 10.0.0.2:3001
                  telnet: true
                  serial: null
                  baud: null
                power:
                  pdudaemon: http://127.0.0.1:16421
                  pdu: lab
                  port: 3
                jtag:
                  adapter: ftdi
                """);
        BoardProfile p = registry().select("lab-pi");
        assertThat(p.name()).isEqualTo("lab-pi");
        assertThat(p.sshAddress()).isEqualTo(new SshAddress("pi", "10.0.0.7", 22));
        assertThat(p.console().device()).isEqualTo("ttyS0");
        assertThat(p.console().reader()).isEqualTo("tcp 10.0.0.2:3001 (telnet)");
        assertThat(p.firmware().dtb()).isEqualTo("bcm2711-rpi-4-b.dtb");
        assertThat(p.jtag().path("adapter").asText()).isEqualTo("ftdi");
        assertThat(p.source()).isEqualTo(f.toString());
        assertThat(registry().list()).extracting(BoardProfile::name).contains("rpi4", "rpi-cm4", "twin", "lab-pi");
    }

    @Test
    void anUnknownKeyIsOneLineNamingTheKeyTheLineAndTheFile() throws IOException {
        Path f = write("typo", """
                extends: rpi4
                console:
                  tpc: 10.0.0.2:3001
                """);
        assertThatThrownBy(() -> registry().select("typo")).isInstanceOf(KforgeException.class)
                .hasMessageStartingWith("board file " + f + ": unknown key 'console.tpc' (line 3)")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((KforgeException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void aBadPortIsNamed() throws IOException {
        Path f = write("port", "extends: rpi4\nssh: root@pi:70000\n");
        assertThatThrownBy(() -> registry().readFile(f)).isInstanceOf(KforgeException.class)
                .hasMessage("board file " + f + ": key ssh: port 70000 is not a TCP port (1-65535)");
        Path g = write("port2", "extends: rpi4\nconsole:\n  serial: null\n  tcp: lab:x\n");
        assertThatThrownBy(() -> registry().readFile(g)).hasMessage("board file " + g + ": key console.tcp: port 'x' is not a number");
    }

    @Test
    void aMissingConsoleIsNamed() throws IOException {
        Path f = write("bare", "name: bare\nssh: root@pi\nfirmware:\n  partition: /boot\n");
        assertThatThrownBy(() -> registry().readFile(f)).isInstanceOf(KforgeException.class)
                .hasMessageStartingWith("board file " + f + ": missing key 'console'");
    }

    @Test
    void anUnknownBoardListsTheKnownOnes() {
        assertThatThrownBy(() -> registry().select("rpi5")).hasMessage("Unknown board rpi5. Available: rpi4, rpi-cm4, twin");
    }
}
