package org.kforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twin's boot as a LAVA job through Debian's real lava-run (lava-dispatcher 2023.01), judged by kforge: the same
 * verdict as {@code kforge boot} of the same options, for a boot that reaches userspace and for one whose root
 * does not exist (which LAVA itself reports as an infrastructure error, "Connection closed").
 */
class LabRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @AfterEach
    void noQemuLeftBehind() {
        assertThat(Kforge.runningQemus()).as("QEMU processes left running").isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ready   |       |0|booted       |pass|",
            "sda     |root=/dev/sda|1|target-failed|fail|Infrastructure"})
    void lavaRunGivesTheVerdictOfKforgeBoot(String name, String append, int exit, String kind, String lavaResult, String lavaError)
            throws Exception {
        String[] words = append == null ? new String[0] : new String[] {"--append", append};
        Kforge boot = Kforge.run(concat(new String[] {"boot", "-q", "--json"}, words));
        JsonNode direct = JSON.readTree(boot.out()).get("verdict");

        Path job = tmp.resolve(name + ".yaml");
        Kforge made = Kforge.run(concat(new String[] {"lab", "job", "-o", job.toString(), "--out", tmp.resolve("assets").toString()}, words));
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(Files.readString(job)).contains("device_type: qemu");

        Kforge lab = Kforge.run("lab", "run", "-q", "--json", "--out", tmp.resolve("run").toString(), job.toString());
        assertThat(lab.exitCode()).as(lab.err()).isEqualTo(exit);
        JsonNode r = JSON.readTree(lab.out());
        assertThat(r.get("kind").asText()).isEqualTo(kind);
        assertThat(r.get("lava").get("result").asText()).isEqualTo(lavaResult);
        if (lavaError != null) assertThat(r.get("lava").get("error_type").asText()).isEqualTo(lavaError);
        JsonNode viaLava = r.get("verdict");
        for (String key : new String[] {"outcome", "booted", "layer"}) {
            assertThat(viaLava.get(key)).as("%s through LAVA %s, kforge boot %s", key, viaLava, direct).isEqualTo(direct.get(key));
        }
        assertThat(viaLava.get("first_bad_line").path("text")).as("the first bad line").isEqualTo(direct.get("first_bad_line").path("text"));
        assertThat(tmp.resolve("run/lava.log")).isNotEmptyFile();
        assertThat(tmp.resolve("run/console.log")).isNotEmptyFile();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
