package org.kforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kforge.Json;

/** A run's job.json boots the same QEMU argv again, and two jobs compare, quoting and all. */
class JobIT {
    @AfterEach
    void noQemuLeftBehind() {
        assertThat(Kforge.runningQemus()).isZero();
    }

    @Test
    void aRunsJobRepeatsItAndTwoJobsCompare() throws Exception {
        Path dir = Files.createTempDirectory("kforge-job-it");
        Kforge a = Kforge.run("boot", "-q", "--append", "quiet loglevel=4", "--exec", "echo \"it's a b\"", "--out", dir.resolve("a").toString());
        assertThat(a.exitCode()).as(a.toString()).isZero();
        Kforge b = Kforge.run("boot", "-q", "--job", dir.resolve("a/job.json").toString(), "--out", dir.resolve("b").toString());
        assertThat(b.exitCode()).as(b.toString()).isZero();
        JsonNode ra = Json.json().readTree(dir.resolve("a/result.json").toFile());
        JsonNode rb = Json.json().readTree(dir.resolve("b/result.json").toFile());
        assertThat(rb.get("argv").toString()).isEqualTo(ra.get("argv").toString());
        assertThat(Files.readString(dir.resolve("b/console.log"))).contains("it's a b");

        Path other = Files.writeString(dir.resolve("other.yaml"), "schema_version: 1\nprofile: qemu-virt-arm64\n"
                + "append: 'quiet loglevel=4'\nexec: echo \"it's c d\"\n");
        Kforge c = Kforge.run("compare", "--json", "--job", dir.resolve("a/job.json").toString(), "--job", other.toString());
        assertThat(c.exitCode()).as(c.toString()).isEqualTo(1);
        JsonNode cmp = Json.json().readTree(c.out());
        assertThat(cmp.toString()).contains("it's a b", "it's c d");
        assertThat(cmp.get("a").get("verdict").get("outcome").asText()).isEqualTo("boot-ok");
    }
}
