package org.kforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The twin's boot as a LAVA job, run two ways by Debian's real LAVA 2023.01 and judged by kforge: locally through
 * lava-run ({@code kforge lab run}), and on a real lava-server with PostgreSQL and a lava-dispatcher worker on
 * 127.0.0.1 ({@code kforge lab submit}, {@code watch}, {@code fetch}). Both give the verdict {@code kforge boot}
 * gives the same options: a boot that reaches userspace, and one whose root does not exist, which LAVA itself
 * calls an infrastructure error ("Connection closed").
 */
class LabIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path server;
    private static String url;
    private static String token;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startLava() throws Exception {
        server = Files.createTempDirectory("kforge-lava-server");
        int code = script("start", server.toString(), Integer.toString(freePort()), Integer.toString(freePort()));
        assertThat(code).as("scripts/lava-test-server start (logs in %s)", server).isZero();
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(server.resolve("server.env"))) {
            env.load(in);
        }
        url = env.getProperty("url");
        token = env.getProperty("token");
    }

    @AfterAll
    static void stopLava() throws Exception {
        if (server != null) {
            script("stop", server.toString());
            org.kforge.asset.FileTrees.delete(server);
        }
        assertThat(Kforge.running("lava-worker")).as("lava-worker left running").isZero();
    }

    @AfterEach
    void noQemuLeftBehind() {
        assertThat(Kforge.runningQemus()).as("QEMU processes left running").isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ready|              |0|booted       |pass|",
            "sda  |root=/dev/sda |1|target-failed|fail|Infrastructure"})
    void lavaGivesTheVerdictOfKforgeBoot(String name, String append, int exit, String kind, String lavaResult, String lavaError) throws Exception {
        String[] words = append == null ? new String[0] : new String[] {"--append", append};
        Kforge boot = Kforge.run(concat(new String[] {"boot", "-q", "--json"}, words));
        JsonNode direct = JSON.readTree(boot.out()).get("verdict");

        Path job = tmp.resolve(name + ".yaml");
        Kforge made = Kforge.run(concat(new String[] {"lab", "job", "-o", job.toString(), "--out", tmp.resolve("assets").toString()}, words));
        assertThat(made.exitCode()).as(made.err()).isZero();

        Kforge local = Kforge.run("lab", "run", "-q", "--json", "--out", tmp.resolve("run").toString(),
                "--junit", tmp.resolve("lab-run.xml").toString(), job.toString());
        assertThat(local.exitCode()).as(local.err()).isEqualTo(exit);
        sameVerdict(JSON.readTree(local.out()), direct, kind, lavaResult, lavaError);
        assertThat(tmp.resolve("run/lava.log")).isNotEmptyFile();
        // the same reports as a local boot: the page in the run directory, JUnit XML where asked
        assertThat(Files.readString(tmp.resolve("run/report.html"))).contains("<!DOCTYPE html>", "id=\"L1\"");
        String junitXml = Files.readString(tmp.resolve("lab-run.xml"));
        assertThat(junitXml).contains("<testsuites", "classname=");
        if (exit == 1) assertThat(junitXml).contains("<failure");

        Kforge submitted = Kforge.run("lab", "submit", "--json", "--server", url, "--token", token, job.toString());
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        String id = JSON.readTree(submitted.out()).get(0).asText();
        Kforge watched = Kforge.run("lab", "watch", "--server", url, "--token", token, "--out", tmp.resolve("watch").toString(), id);
        assertThat(watched.exitCode()).as(watched.err()).isEqualTo(exit);
        assertThat(watched.err()).contains("job " + id + ": Running", "job " + id + ": Finished");
        Kforge fetched = Kforge.run("lab", "fetch", "--json", "--server", url, "--token", token, "--out", tmp.resolve("fetch").toString(), id);
        assertThat(fetched.exitCode()).as(fetched.err()).isEqualTo(exit);
        sameVerdict(JSON.readTree(fetched.out()), direct, kind, lavaResult, lavaError);
        assertThat(tmp.resolve("fetch/" + id + "/lava.log")).isNotEmptyFile();
    }

    private static void sameVerdict(JsonNode lab, JsonNode direct, String kind, String lavaResult, String lavaError) {
        assertThat(lab.get("kind").asText()).as(lab.toString()).isEqualTo(kind);
        assertThat(lab.get("lava").get("result").asText()).isEqualTo(lavaResult);
        if (lavaError != null) assertThat(lab.get("lava").get("error_type").asText()).isEqualTo(lavaError);
        JsonNode v = lab.get("verdict");
        for (String key : List.of("outcome", "booted", "layer")) {
            assertThat(v.get(key)).as("%s through LAVA %s, kforge boot %s", key, v, direct).isEqualTo(direct.get(key));
        }
        assertThat(v.get("first_bad_line").path("text")).as("the first bad line").isEqualTo(direct.get("first_bad_line").path("text"));
    }

    private static int script(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("scripts/lava-test-server"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scripts/lava-test-server " + args[0] + " did not end in 300 s");
        }
        return p.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
