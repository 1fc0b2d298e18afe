package org.kforge.ktap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kforge.Json;
import org.kforge.asset.CacheDir;
import org.kforge.asset.LinuxSource;
import org.kforge.it.Kforge;

/**
 * Issue 21: kforge's KTAP parser agrees with the kernel's own on every log of tools/testing/kunit/test_data/ in
 * Debian's linux-source-6.1: {@code kforge test ktap --json} gives the counts of kunit.py parse's "Testing
 * complete. Ran N tests: ..." line, and the same tree of suites and cases with the same statuses as
 * kunit_parser.py (through src/test/resources/ktap/kunit_tree.py, which prints that parser's Test objects).
 */
class KtapAgreementIT {
    private static final Pattern SUMMARY = Pattern.compile("Testing complete\\. (Ran \\d+ tests: .*)$", Pattern.MULTILINE);
    private static final Map<String, String> STATUS = Map.of("SUCCESS", "passed", "FAILURE", "failed", "SKIPPED", "skipped",
            "TEST_CRASHED", "crashed", "NO_TESTS", "no_tests", "FAILURE_TO_PARSE_TESTS", "not_found");
    private static Path kunit;
    private static List<Path> logs;

    @BeforeAll
    static void tree() throws IOException {
        kunit = LinuxSource.tree(CacheDir.fromEnvironment(), System.err::println).resolve("tools/testing/kunit");
        try (Stream<Path> s = Files.list(kunit.resolve("test_data"))) {
            logs = s.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
    }

    @Test
    void everyTestDataLogGivesKunitPysCountsSuitesCasesAndStatuses() throws Exception {
        assertThat(logs).hasSizeGreaterThanOrEqualTo(20);
        List<String> args = new ArrayList<>(List.of("--json", "test", "ktap"));
        logs.forEach(p -> args.add(p.toString()));
        Kforge ours = Kforge.run(args.toArray(String[]::new));
        assertThat(ours.exitCode()).as(ours.toString()).isEqualTo(1); // some logs hold failures
        JsonNode all = Json.json().readTree(ours.out());
        assertThat(all.size()).isEqualTo(logs.size());
        Path helper = Path.of("src/test/resources/ktap/kunit_tree.py").toAbsolutePath();
        for (int i = 0; i < logs.size(); i++) {
            Path log = logs.get(i);
            JsonNode mine = all.get(i);
            String name = log.getFileName().toString();

            Matcher m = SUMMARY.matcher(python(kunit.resolve("kunit.py").toString(), "parse", log.toString()));
            assertThat(m.find()).as(name + ": kunit.py printed its summary").isTrue();
            assertThat(mine.get("summary").asText()).as(name).isEqualTo(m.group(1).strip());

            JsonNode theirs = Json.json().readTree(python(helper.toString(), kunit.toString(), log.toString()));
            assertThat(mine.get("status").asText()).as(name + " status").isEqualTo(STATUS.get(theirs.get("status").asText()));
            sameTests(name, mine.get("tests"), theirs.get("tests"));
        }
    }

    private static void sameTests(String where, JsonNode mine, JsonNode theirs) {
        assertThat(mine.size()).as(where + ": number of tests").isEqualTo(theirs.size());
        for (int i = 0; i < theirs.size(); i++) {
            JsonNode a = mine.get(i);
            JsonNode b = theirs.get(i);
            String here = where + " > " + b.get("name").asText() + " (#" + (i + 1) + ")";
            assertThat(a.get("name").asText()).as(here + " name").isEqualTo(b.get("name").asText());
            assertThat(a.get("status").asText()).as(here + " status").isEqualTo(STATUS.get(b.get("status").asText()));
            JsonNode subs = a.has("tests") ? a.get("tests") : Json.json().createArrayNode();
            sameTests(here, subs, b.get("tests"));
            if (b.get("tests").size() > 0) {
                for (String k : List.of("passed", "failed", "crashed", "skipped", "errors")) {
                    assertThat(a.get("counts").get(k).asLong()).as(here + " " + k).isEqualTo(b.get("counts").get(k).asLong());
                }
            }
        }
    }

    private static String python(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("kunit-py", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(args[0].endsWith("kunit.py"))
                    .redirectOutput(out.toFile()).start();
            if (!args[0].endsWith("kunit.py")) p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", cmd)).isTrue();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
