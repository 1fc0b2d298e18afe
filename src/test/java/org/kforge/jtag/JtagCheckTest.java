package org.kforge.jtag;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.cli.CliRun;

/** {@code kforge jtag check} with Debian's real openocd and a fake chip on its remote_bitbang adapter. */
class JtagCheckTest {
    @TempDir
    Path tmp;

    @AfterEach
    void noOpenocdLeft() {
        assertThat(OpenOcds.running()).as("openocd left running").isZero();
    }

    private CliRun check(FakeJtagChip chip, String target, String... extra) throws Exception {
        Path board = OpenOcds.boardFile(tmp, chip.port(), target);
        String[] args = new String[] {"jtag", "--board-file", board.toString(), "check"};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CliRun.of(all);
    }

    @Test
    void theBcm2711DapOnTheChainOverTcl() throws Exception {
        try (FakeJtagChip chip = FakeJtagChip.answering(FakeJtagChip.BCM2711_DAP)) {
            CliRun run = check(chip, OpenOcds.TAP_ONLY);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).isEqualTo("OK: the 0x4ba00477 (BCM2711 DAP) is on the chain: bcm2711.cpu answered 0x4ba00477\n");
            assertThat(run.err()).contains("kforge: openocd -c 'bindto 127.0.0.1'")
                    .contains("-c 'adapter driver remote_bitbang' -c 'remote_bitbang host 127.0.0.1' -c 'remote_bitbang port " + chip.port() + "'")
                    .contains("reading the scan chain over openocd's TCL port");
            assertThat(chip.idcodeReads.get()).as("openocd shifted the IDCODE out of the fake").isPositive();
        }
    }

    @Test
    void withDebiansBcm2711CfgAndADebugPortOpenocdStaysUpAndAnswersOverTcl() throws Exception {
        try (FakeJtagChip chip = FakeJtagChip.answering(FakeJtagChip.BCM2711_DAP)) {
            CliRun run = check(chip, "target/bcm2711.cfg");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).isEqualTo("OK: the 0x4ba00477 (BCM2711 DAP) is on the chain: bcm2711.cpu answered 0x4ba00477\n");
            assertThat(run.err()).contains("reading the scan chain over openocd's TCL port");
        }
    }

    @Test
    void withDebiansBcm2711CfgTheChainIsReadAndTheSilentDapNamed() throws Exception {
        try (FakeJtagChip chip = FakeJtagChip.idcodeOnly(FakeJtagChip.BCM2711_DAP)) {
            CliRun run = check(chip, "target/bcm2711.cfg");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("OK: the 0x4ba00477 (BCM2711 DAP) is on the chain: bcm2711.cpu answered 0x4ba00477\n")
                    .contains("note: after the scan, openocd could not use the DAP (Invalid ACK");
        }
    }

    @Test
    void jsonForATool() throws Exception {
        try (FakeJtagChip chip = FakeJtagChip.answering(0x5ba00477L)) {
            CliRun run = check(chip, OpenOcds.TAP_ONLY, "--json");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
            assertThat(json.get("exit").asInt()).isEqualTo(1);
            assertThat(json.get("board").asText()).isEqualTo("fake-rpi4");
            assertThat(json.get("command").get(0).asText()).isEqualTo("openocd");
            assertThat(json.get("headline").asText()).startsWith("another chip answered: 0x5ba00477");
        }
    }

    @Test
    void anotherChipSaysWhichOne() throws Exception {
        try (FakeJtagChip chip = FakeJtagChip.answering(0x5ba00477L)) {
            CliRun run = check(chip, OpenOcds.TAP_ONLY);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).startsWith("FAILED: another chip answered: 0x5ba00477 (mfg: 0x23b (ARM Ltd), part: 0xba00, ver: 0x5),"
                    + " expected 0x4ba00477 (BCM2711 DAP)\n").contains("fix: is the adapter wired to this board?");
        }
    }

    @Test
    void idcode12345678IsNoIdcodeAndSaidSo() throws Exception {
        try (FakeJtagChip chip = FakeJtagChip.idcodeOnly(0x12345678L)) {
            CliRun run = check(chip, "target/bcm2711.cfg");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).startsWith("FAILED: bcm2711.cpu answered 0x12345678, which is no IDCODE (bit 0 is 0),"
                    + " expected 0x4ba00477 (BCM2711 DAP)\n");
        }
    }

    @Test
    void tdoStuckLowOrHighIsAnEmptyChainWithTheJtagGpioFix() throws Exception {
        for (FakeJtagChip.Tdo tdo : new FakeJtagChip.Tdo[] {FakeJtagChip.Tdo.STUCK_LOW, FakeJtagChip.Tdo.STUCK_HIGH}) {
            try (FakeJtagChip chip = new FakeJtagChip(0, tdo)) {
                CliRun run = check(chip, "target/bcm2711.cfg");
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
                assertThat(run.out()).startsWith("FAILED: nothing on the JTAG chain: it read all "
                        + (tdo == FakeJtagChip.Tdo.STUCK_LOW ? "zeroes" : "ones")).contains("fix: the board's config.txt needs enable_jtag_gpio=1");
            }
        }
    }

    @Test
    void aConfigTxtWithoutEnableJtagGpioIsTheNamedFix() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.txt"), "[all]\narm_64bit=1\n#enable_jtag_gpio=1\n");
        try (FakeJtagChip chip = new FakeJtagChip(0, FakeJtagChip.Tdo.STUCK_LOW)) {
            CliRun run = check(chip, OpenOcds.TAP_ONLY, "--config-txt", config.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("note: " + config + " has no enable_jtag_gpio=1")
                    .contains("fix: add enable_jtag_gpio=1 to " + config + " (kforge deploy can add it)");
        }
    }

    @Test
    void nothingListeningIsNoAdapterExit3() throws Exception {
        int port = OpenOcds.freePort();
        Path board = OpenOcds.boardFile(tmp, port, "target/bcm2711.cfg");
        CliRun run = CliRun.of("jtag", "--board-file", board.toString(), "check");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("kforge: no adapter: nothing listens for remote_bitbang on 127.0.0.1:" + port)
                .contains("fix: start the remote_bitbang server");
    }

    @Test
    void aTakenPortIsSaidBeforeOpenocdStarts() throws Exception {
        try (FakeJtagChip chip = FakeJtagChip.answering(FakeJtagChip.BCM2711_DAP)) {
            Path board = OpenOcds.boardFile(tmp, chip.port(), OpenOcds.TAP_ONLY);
            int tcl = Integer.parseInt(Files.readString(board).replaceAll("(?s).*tcl: (\\d+).*", "$1"));
            try (ServerSocket taken = new ServerSocket(tcl, 1, InetAddress.getLoopbackAddress())) {
                CliRun run = CliRun.of("jtag", "--board-file", board.toString(), "check");
                assertThat(run.exitCode()).isEqualTo(3);
                assertThat(run.err()).contains("port " + tcl + " on 127.0.0.1 is taken (another openocd running?)");
            }
        }
    }

    @Test
    void onARealHostWithoutThePisGpioDriverRpi4SaysWhereToRunIt() throws Exception {
        // the shipped rpi4 board, on free ports (another checkout's openocd may hold 6666)
        String rpi4 = new String(getClass().getResourceAsStream("/boards/rpi4.yaml").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("gdb: 3333, tcl: 6666, telnet: 4444", "gdb: " + OpenOcds.freePort() + ", tcl: " + OpenOcds.freePort()
                        + ", telnet: " + OpenOcds.freePort());
        Path board = Files.writeString(tmp.resolve("rpi4.yaml"), rpi4);
        CliRun run = CliRun.of("jtag", "--board-file", board.toString(), "check");
        // Debian's amd64 openocd has no bcm2835gpio; on the Pi itself it has (and /dev/gpiomem decides)
        if (!System.getProperty("os.arch").equals("amd64")) return;
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("this openocd was built without the bcm2835gpio adapter driver");
    }
}
