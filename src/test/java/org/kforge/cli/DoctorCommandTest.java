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
