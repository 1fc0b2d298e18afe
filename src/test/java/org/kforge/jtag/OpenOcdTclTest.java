package org.kforge.jtag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.qemu.QemuPlan;

/** The TCL client against Debian's real openocd on its dummy adapter: framing by 0x1a both ways. */
class OpenOcdTclTest {
    @TempDir
    Path tmp;

    @AfterEach
    void noOpenocdLeft() {
        assertThat(OpenOcds.running()).as("openocd left running").isZero();
    }

    private OpenOcdProcess dummy(int tcl) throws Exception {
        QemuPlan plan = new QemuPlan("openocd", List.of(
                new QemuPlan.Option(List.of("-c", "bindto 127.0.0.1"), ""),
                new QemuPlan.Option(List.of("-c", "tcl_port " + tcl), ""),
                new QemuPlan.Option(List.of("-c", "gdb_port " + OpenOcds.freePort()), ""),
                new QemuPlan.Option(List.of("-c", "telnet_port " + OpenOcds.freePort()), ""),
                new QemuPlan.Option(List.of("-f", "interface/dummy.cfg"), ""),
                new QemuPlan.Option(List.of("-c", "transport select jtag"), ""),
                new QemuPlan.Option(List.of("-c", "adapter speed 1000"), ""),
                new QemuPlan.Option(List.of("-f", OpenOcds.TAP_ONLY), "")));
        return OpenOcdProcess.start(plan, tmp.resolve("openocd.log"));
    }

    @Test
    void commandsAndAnswersAreFramedByByte0x1a() throws Exception {
        int port = OpenOcds.freePort();
        try (OpenOcdProcess openocd = dummy(port); OpenOcdTcl tcl = openocd.awaitTcl(port, Duration.ofSeconds(10))) {
            assertThat(tcl).as(openocd.output()).isNotNull();
            tcl.timeout(Duration.ofSeconds(20));
            assertThat(tcl.raw("version")).isEqualTo("Open On-Chip Debugger 0.12.0");
            // a multi-line answer arrives whole, and the next answer on the same connection is its own
            String table = tcl.command("scan_chain");
            assertThat(table).startsWith("   TapName").contains("\n 0 bcm2711.cpu ").contains("0x4ba00477").endsWith("\n");
            assertThat(tcl.command("adapter name")).isEqualTo("dummy");
            assertThat(tcl.command("jtag names")).startsWith("bcm2711.cpu");
            assertThat(tcl.raw("set x \"a\nb\"")).isEqualTo("a\nb");
            assertThat(tcl.command("expr {6 * 7}")).isEqualTo("42");
        }
    }

    @Test
    void aFailedCommandIsAnErrorNotAResult() throws Exception {
        int port = OpenOcds.freePort();
        try (OpenOcdProcess openocd = dummy(port); OpenOcdTcl tcl = openocd.awaitTcl(port, Duration.ofSeconds(10))) {
            tcl.timeout(Duration.ofSeconds(20));
            // the raw protocol cannot tell them apart: both are text
            assertThat(tcl.raw("no_such_command")).isEqualTo("invalid command name \"no_such_command\"");
            assertThatThrownBy(() -> tcl.command("no_such_command")).isInstanceOf(OpenOcdTcl.TclError.class)
                    .hasMessage("no_such_command: invalid command name \"no_such_command\"");
            assertThatThrownBy(() -> tcl.raw("echo \u001a")).isInstanceOf(IllegalArgumentException.class);
            assertThat(tcl.command("adapter name")).isEqualTo("dummy");
        }
    }

    @Test
    void stopLeavesNoOpenocdAndALogBehind() throws Exception {
        int port = OpenOcds.freePort();
        OpenOcdProcess openocd = dummy(port);
        try (OpenOcdTcl tcl = openocd.awaitTcl(port, Duration.ofSeconds(10))) {
            assertThat(tcl).isNotNull();
        }
        openocd.stop();
        assertThat(openocd.isAlive()).isFalse();
        assertThat(Files.readString(openocd.log())).contains("Listening on port " + port + " for tcl connections");
    }
}
