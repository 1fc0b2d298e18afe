package org.kforge.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.cli.CliRun;

/** What a user gets wrong about a board is one line and exit 2, never a trace. */
class DeployBadInputTest {
    @TempDir Path dir;

    private static void oneLine(CliRun r, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("kforge: " + message).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aBoardFileWithATypoNamesTheKeyAndTheFile() throws Exception {
        Path f = dir.resolve("lab.yaml");
        Files.writeString(f, "extends: rpi4\nssh: root@pi:99999\n");
        oneLine(CliRun.of("deploy", "--board-file", f.toString(), "--dry-run", "--kernel", f.toString()),
                "board file " + f + ": key ssh: port 99999 is not a TCP port (1-65535)");
        Files.writeString(f, "extends: rpi4\npower:\n  cycel: relay 3\n");
        oneLine(CliRun.of("power", "--board-file", f.toString(), "cycle"), "board file " + f + ": unknown key 'power.cycel' (line 3)");
    }

    @Test
    void aPiNeedsItsDtbsAndAKernelMustBeAKernel() throws Exception {
        Path notKernel = dir.resolve("Image");
        Files.writeString(notKernel, "hello");
        oneLine(CliRun.of("deploy", "--board", "rpi4", "--dry-run", "--kernel", notKernel.toString()),
                notKernel + " holds no \"Linux version\" banner");
        oneLine(CliRun.of("deploy", "--board", "rpi5", "--dry-run"), "Unknown board rpi5. Available: rpi4, rpi-cm4, twin");
        oneLine(CliRun.of("power", "--board", "rpi4", "reboot"), "power reboot: expected on, off or cycle");
    }
}
