package org.kforge.jtag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.cli.CliRun;

/** The jtag: part of a board file: the shipped boards, defaults, and one clear line for each mistake (exit 2). */
class JtagBoardFileTest {
    @TempDir
    Path tmp;

    @Test
    void shippedBoardsAreTheBcm2711WithTheirAdapters() {
        JtagSpec rpi4 = shipped("rpi4").jtag();
        assertThat(rpi4.adapter().kind()).isEqualTo("raspberrypi-native");
        assertThat(rpi4.idcode()).isEqualTo(0x4ba00477L);
        assertThat(rpi4.ports()).isEqualTo(new JtagSpec.Ports(3333, 6666, 4444));
        JtagSpec cm4 = shipped("rpi-cm4").jtag();
        assertThat(cm4.adapter().config()).isEqualTo("interface/ftdi/olimex-arm-usb-tiny-h.cfg");
        assertThat(cm4.target()).isEqualTo("target/bcm2711.cfg");
    }

    /** A shipped board as the registry reads it (no user boards: an empty directory of them). */
    private JtagBoardFile.Board shipped(String name) {
        return JtagBoardFile.of(new org.kforge.profile.BoardRegistry(tmp.resolve("no-user-boards")).select(name));
    }

    @Test
    void aLabBoardOfTheUsersThatExtendsAShippedOneHasItsJtag() throws Exception {
        Files.createDirectories(tmp.resolve("boards"));
        Files.writeString(tmp.resolve("boards/lab-pi.yaml"), "extends: rpi4\nssh: root@10.0.0.7\n");
        JtagBoardFile.Board b = JtagBoardFile.of(new org.kforge.profile.BoardRegistry(tmp.resolve("boards")).select("lab-pi"));
        assertThat(b.name()).isEqualTo("lab-pi");
        assertThat(b.jtag().adapter().kind()).isEqualTo("raspberrypi-native");
        assertThat(b.jtag().idcode()).isEqualTo(0x4ba00477L);
    }

    @Test
    void theRawMapTheBoardLoaderHandsOverWithDefaults() {
        JtagSpec s = JtagSpec.fromMap(Map.of("adapter", Map.of("kind", "sysfsgpio"), "idcode", 0x4ba00477), "board x");
        assertThat(s.adapter().config()).isEqualTo("interface/sysfsgpio-raspberrypi.cfg");
        assertThat(s.target()).isEqualTo("target/bcm2711.cfg");
        assertThat(s.speedKhz()).isEqualTo(1000);
        assertThat(s.smp()).isTrue();
        JtagSpec rb = JtagSpec.fromMap(Map.of("adapter", Map.of("kind", "remote_bitbang", "commands", List.of("echo hi"))), "board y");
        assertThat(rb.adapter().describe()).isEqualTo("remote_bitbang 127.0.0.1:44242");
        assertThat(rb.adapter().commands()).containsExactly("echo hi");
    }

    @Test
    void mistakesAreOneLineAndExit2() throws Exception {
        String[][] cases = {
            {"name: b\n", "has no jtag: section"},
            {"jtag: {adapter: {kind: jlink}}\n", "jtag.adapter.kind jlink is unknown"},
            {"jtag: {adapter: {kind: ftdi}}\n", "jtag.adapter.config is missing for ftdi"},
            {"jtag: {adapter: {kind: sysfsgpio}, speed_khz: fast}\n", "jtag.speed_khz must be a positive number, not fast"},
            {"jtag: {adapter: {kind: sysfsgpio}, idcode: zz}\n", "idcode zz is not a number"},
            {"jtag: [1, 2]\n", "jtag must be a map"},
            {"jtag: {adapter: {kind: sysfsgpio}\n", "is not a board file"},
        };
        for (String[] c : cases) {
            Path f = Files.writeString(tmp.resolve("b.yaml"), c[0]);
            CliRun run = CliRun.of("jtag", "--board-file", f.toString(), "check", "--dry-run");
            assertThat(run.exitCode()).as(c[0] + run.err()).isEqualTo(2);
            assertThat(run.err()).as(c[0]).contains(c[1]).doesNotContain("Exception").hasLineCount(2);
        }
        assertThat(CliRun.of("jtag", "--board", "rpi5", "check").err()).contains("Unknown board rpi5. Available: ").contains("rpi4", "rpi-cm4");
        assertThat(CliRun.of("jtag", "--board", "twin", "check", "--dry-run").err()).contains("board twin has no jtag: section");
        assertThat(CliRun.of("jtag", "check").err()).contains("give one of --board NAME or --board-file FILE");
        assertThat(CliRun.of("jtag", "--board", "rpi4", "check", "--config-txt", tmp.resolve("nope").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void configTxtNeedsAnUncommentedEnableJtagGpio() throws Exception {
        assertThat(ConfigTxt.read(Files.writeString(tmp.resolve("a.txt"), "[pi4]\nenable_jtag_gpio=1 # JTAG on GPIO 22-27\n")).jtagGpio()).isTrue();
        assertThat(ConfigTxt.read(Files.writeString(tmp.resolve("b.txt"), "# enable_jtag_gpio=1\nenable_jtag_gpio=0\n")).jtagGpio()).isFalse();
    }
}
