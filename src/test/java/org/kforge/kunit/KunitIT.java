package org.kforge.kunit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kforge.Json;
import org.kforge.asset.CacheDir;
import org.kforge.asset.LinuxSource;
import org.kforge.it.Kforge;

/**
 * Issue 21's last part on real kernel source: {@code kforge test kunit} builds Debian's linux-source-6.1 (a copy with
 * kforge's planted suite, {@link PlantedTree}) as tinyconfig + the twin + KUnit, boots it on the twin and reads the
 * results. ONE kernel serves every run: the planted suite passes unless the command line asks
 * ({@code kforge_planted_test.fail=1}: a case fails with its message; {@code kforge_planted_test.panic=1}: the kernel
 * panics in case 3 of 4), and {@code --filter} picks suites; so the build directory, keyed by tree and config, is
 * built once (cold: tens of minutes on 2 cores) and every later run's make has nothing to do. CI keeps
 * $XDG_CACHE_HOME/kforge between runs, so there the test costs its boots and no-op makes (a few minutes).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KunitIT {
    private static final Pattern SUMMARY = Pattern.compile("Testing complete\\. (Ran \\d+ tests: .*)$", Pattern.MULTILINE);
    private static Path source;
    private static Path tree;
    private static String[] kunit;

    @BeforeAll
    static void planted() throws Exception {
        CacheDir cache = CacheDir.fromEnvironment();
        source = LinuxSource.tree(cache, System.err::println);
        tree = PlantedTree.tree(cache, source);
        kunit = new String[] {"test", "kunit", "--kernel-tree", tree.toString(), "--config",
                Path.of("src/test/resources/kunit/planted.config").toAbsolutePath().toString()};
    }

    @Test
    @Order(1)
    void dryRunPrintsConfigMakeAndQemuWithoutBuilding() throws Exception {
        Kforge plan = Kforge.run(args("--dry-run", "--filter", "list-kunit-test"));
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("config:   tinyconfig + qemu-virt-arm64 + kunit + ", "CONFIG_KUNIT=y", "CONFIG_LIST_KUNIT_TEST=y",
                "CONFIG_KFORGE_PLANTED_TEST=y", "olddefconfig", "-j2 Image", "kunit.filter_glob=list-kunit-test kunit_shutdown=poweroff",
                "qemu-system-aarch64 -machine virt");
        assertThat(plan.err()).doesNotContain("make:");
    }

    @Test
    @Order(2)
    void realSuitesAllPassAndTheCountsAreKunitPys() throws Exception {
        long start = System.nanoTime();
        // the first run may build the kernel cold
        Kforge all = Kforge.within(5400, Map.of(), args("--json"));
        System.err.printf("KunitIT: all suites, build and boot: %.0f s%n%s%n", (System.nanoTime() - start) / 1e9, all.err());
        assertThat(all.exitCode()).as(all.toString()).isZero();
        JsonNode r = Json.json().readTree(all.out());
        assertThat(r.get("died").asBoolean()).isFalse();
        assertThat(r.get("verdict").get("outcome").asText()).isEqualTo(KunitOutcome.ENDED);
        JsonNode example = suite(r, "example");
        assertThat(example.get("status").asText()).isEqualTo("passed");
        assertThat(test(example, "example_simple_test").get("status").asText()).isEqualTo("passed");
        assertThat(test(example, "example_skip_test").get("status").asText()).isEqualTo("skipped");
        JsonNode list = suite(r, "list-kunit-test");
        assertThat(list.get("status").asText()).isEqualTo("passed");
        assertThat(list.get("counts").get("passed").asLong()).isGreaterThan(30);
        assertThat(test(list, "list_test_list_add").get("status").asText()).isEqualTo("passed");
        assertThat(suite(r, "kforge-planted").get("counts").get("passed").asLong()).isEqualTo(4);
        assertThat(r.get("counts").get("failed").asLong()).isZero();
        assertThat(r.get("counts").get("crashed").asLong()).isZero();
        sameAsKunitPy(r);
    }

    @Test
    @Order(3)
    void thePlantedFailureIsAFailedCaseWithItsMessage() throws Exception {
        Path xml = Files.createTempFile("kunit-it", ".xml");
        Kforge failed = Kforge.within(1800, Map.of(), args("--filter", "kforge-planted", "--append", "kforge_planted_test.fail=1",
                "--junit", xml.toString()));
        System.err.println("KunitIT: planted failure\n" + failed.err() + failed.out());
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("[FAILED]       kforge-planted (4 tests: passed: 3, failed: 1)",
                "FAILED: kforge-planted.kforge_planted_fails (line ", "Expected answer == 42, but", "answer == 41",
                "kforge: the planted failure", "Testing complete. Ran 4 tests: passed: 3, failed: 1", "Elapsed time: ");
        assertThat(failed.out()).doesNotContain("example", "FAILED (");
        assertThat(Files.readString(xml)).contains("kunit.kforge-planted", "name=\"kforge_planted_fails\"", "<failure");
        Files.delete(xml);
        assertThat(Kforge.runningQemus()).isZero();
    }

    @Test
    @Order(4)
    void aPanicMidSuiteGivesThePanicsVerdictAndTheInterruptedCase() throws Exception {
        Kforge panic = Kforge.within(1800, Map.of(), args("--append", "kforge_planted_test.panic=1"));
        System.err.println("KunitIT: planted panic\n" + panic.err() + panic.out());
        assertThat(panic.exitCode()).as(panic.toString()).isEqualTo(1);
        assertThat(panic.out()).contains("[PASSED]       example", "[CRASHED]      kforge-planted",
                "FAILED (panic): ", "Kernel panic - not syncing: kforge: the planted panic in kforge_planted_panics",
                "interrupted: kforge-planted.#3 (the case after kforge_planted_fails");
        assertThat(panic.out()).containsPattern("first bad line \\d+: .*Kernel panic - not syncing: kforge: the planted panic");
        Kforge json = Kforge.within(1800, Map.of(), args("--json", "--append", "kforge_planted_test.panic=1"));
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
        JsonNode r = Json.json().readTree(json.out());
        assertThat(r.get("died").asBoolean()).isTrue();
        assertThat(r.get("interrupted").asText()).isEqualTo("kforge-planted.#3");
        assertThat(r.get("verdict").get("outcome").asText()).isEqualTo("panic");
        sameAsKunitPy(r);
        assertThat(Kforge.runningQemus()).isZero();
    }

    /** kunit.py parse of the run's own console log gives the summary (and so the counts) kforge gave. */
    private static void sameAsKunitPy(JsonNode r) throws Exception {
        Path log = Path.of(r.get("run_dir").asText()).resolve("console.log");
        Process p = new ProcessBuilder("python3", source.resolve("tools/testing/kunit/kunit.py").toString(), "parse", log.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Matcher m = SUMMARY.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        System.err.println("KunitIT: kunit.py parse " + log + ": " + m.group(1).strip());
        assertThat(r.get("summary").asText()).isEqualTo(m.group(1).strip());
    }

    private static JsonNode suite(JsonNode run, String name) {
        return test(run, name);
    }

    private static JsonNode test(JsonNode parent, String name) {
        for (JsonNode t : parent.get("tests")) if (t.get("name").asText().equals(name)) return t;
        throw new AssertionError("no test " + name + " in " + parent);
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of(kunit));
        all.addAll(List.of(more));
        if (all.contains("--json")) {
            all.remove("--json");
            all.add(0, "--json");
        }
        return all.toArray(String[]::new);
    }
}
