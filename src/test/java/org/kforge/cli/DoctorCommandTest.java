package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
    private static final String CORPUS = "src/test/resources/doctor-corpus/";

    @Test
    void jsonNamesTheCulpritAndEveryEvent() throws Exception {
        CliRun r = CliRun.of("doctor", "--json", CORPUS + "17-cm4-pcie-usb-hub-card-brcm-pcie-probe-serror-panic/console.log");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("outcome").asText()).isEqualTo("panic");
        assertThat(j.get("first_bad_line").get("number").asInt()).isEqualTo(1);
        assertThat(j.get("title").asText()).contains("brcm_pcie");
        assertThat(j.get("fix").isArray()).isTrue();
        assertThat(j.get("events").size()).isGreaterThan(0);
    }

    @Test
    void aGoodBootExitsZero() {
        CliRun r = CliRun.of("doctor", "../shared/corpus/bootlogs/43-ok-sc7180-kingoftown-baseline-pass/console.log");
        if (!Files.exists(Path.of("../shared/corpus/bootlogs"))) return;
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).contains("BOOTED");
    }

    @Test
    void readsStandardInputWithEscapesAndCrlf() {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(("\u001b[31m[    3.1] VFS: Cannot open root device \"sda1\" or unknown-block(0,0): error -6\r\n"
                    + "[    3.2] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\r\n").getBytes(StandardCharsets.UTF_8)));
            CliRun r = CliRun.of("doctor", "-");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).contains("FAILED (no-root)").contains("first bad line 1").doesNotContain("\u001b").doesNotContain("\r");
        } finally {
            System.setIn(old);
        }
    }

    /**
     * The story's card: a Renesas uPD72020x whose firmware is not on the board. The lines are the
     * kernel's own (drivers/usb/host/xhci-pci-renesas.c, as quoted in the 2021 revert of d143825baf15
     * on linux-usb); the boot reaches a login all the same.
     */
    @Test
    void aBootedBoardWithADeadUsb3ControllerIsBootedWithTheFailureListed(@TempDir Path dir) throws Exception {
        Path log = log(dir,
                "[    2.118305] xhci_hcd 0000:01:00.0: Direct firmware load for renesas_usb_fw.mem failed with error -2",
                "[    2.118311] xhci_hcd 0000:01:00.0: request_firmware failed: -2",
                "[    2.118420] xhci_hcd: probe of 0000:01:00.0 failed with error -2",
                "[    5.902112] EXT4-fs (mmcblk0p2): mounted filesystem with ordered data mode.",
                "",
                "Debian GNU/Linux 12 raspberrypi ttyS0",
                "",
                "raspberrypi login: ");
        CliRun text = CliRun.of("doctor", log.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("BOOTED: booted (login prompt), but USB 3 controller dead")
                .contains("first bad line 2: [    2.118305] xhci_hcd 0000:01:00.0: Direct firmware load for renesas_usb_fw.mem")
                .contains("/lib/firmware/renesas_usb_fw.mem");
        assertThat(CliRun.of("doctor", "--strict", log.toString()).exitCode()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(CliRun.of("doctor", "--json", log.toString()).out());
        assertThat(j.get("booted").asBoolean()).isTrue();
        assertThat(j.get("outcome").asText()).isEqualTo("device-error");
        assertThat(j.get("failures")).hasSize(1);
        assertThat(j.get("failures").get(0).get("id").asText()).isEqualTo("renesas-xhci-firmware");
        assertThat(j.get("failures").get(0).get("fix").toString()).contains("/lib/firmware/renesas_usb_fw.mem");
    }

    /** An MMC error the card recovers from is a note: the boot is good and exits 0. */
    @Test
    void aClearedMmcErrorIsANoteNotTheVerdict(@TempDir Path dir) throws Exception {
        Path log = log(dir,
                "[    1.402135] mmc0: error -110 whilst initialising SD card",
                "[    1.611850] mmc0: new ultra high speed DDR50 SDHC card at address aaaa",
                "[    5.902112] EXT4-fs (mmcblk0p2): mounted filesystem with ordered data mode.",
                "raspberrypi login: ");
        CliRun r = CliRun.of("doctor", "--strict", log.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("BOOTED: login prompt").contains("note: mmc0: the SD/MMC card failed to initialise");
    }

    /** A console.log in {@code dir}: a Raspberry Pi kernel's banner, then these lines. */
    private static Path log(Path dir, String... lines) throws java.io.IOException {
        return Files.writeString(dir.resolve("console.log"),
                "[    0.000000] Linux version 6.1.0-rpi7-rpi-v8 (debian-kernel@lists.debian.org)\n" + String.join("\n", lines) + "\n");
    }

    @Test
    void aMissingFileIsBadInput(@TempDir Path dir) {
        CliRun r = CliRun.of("doctor", dir.resolve("nope.log").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no such file");
        assertThat(CliRun.of("doctor", dir.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void compareNeedsTwoLogs() {
        assertThat(CliRun.of("compare", "a.log").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("compare", "--job", "x.json").exitCode()).isEqualTo(2);
    }
}
