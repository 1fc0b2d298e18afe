package org.kforge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real console logs, each labelled with its outcome and first bad line (case.json beside its
 * console.log): the shared corpus and the doctor corpus in test resources. A shared case listed in
 * shared-corpus-relabels.json is held to its corrected label, and only while its own fields still carry
 * the evidence quoted there.
 */
class BootLogCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> sharedCorpus() throws IOException {
        Path dir = Path.of("../shared/corpus/bootlogs");
        // CI clones beside shared/: there a missing corpus is a failure, elsewhere the test is skipped
        if (System.getenv("CI") != null) {
            org.assertj.core.api.Assertions.assertThat(dir).as("no shared corpus at " + dir.toAbsolutePath()).isDirectory();
        }
        assumeTrue(Files.isDirectory(dir), "no shared corpus at " + dir.toAbsolutePath());
        return cases(dir);
    }

    @TestFactory
    Stream<DynamicTest> doctorCorpus() throws IOException {
        return cases(Path.of("src/test/resources/doctor-corpus"));
    }

    /**
     * Console logs saved by "kforge boot" itself (each failure scenario of the twin): fed to the
     * doctor, each gives the outcome the live boot gave. The first bad line may be an earlier line
     * than the live one (the live watcher stops reading at its terminal line).
     */
    @TestFactory
    Stream<DynamicTest> liveBoots() throws IOException {
        Path dir = Path.of("src/test/resources/doctor-live");
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList().stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
                JsonNode label = JSON.readTree(c.resolve("case.json").toFile());
                try (InputStream in = Files.newInputStream(c.resolve("console.log"))) {
                    assertThat(LogDoctor.examine(in, c.toString()).verdict().outcome()).isEqualTo(label.get("outcome").asText());
                }
            }));
        }
    }

    private static Stream<DynamicTest> cases(Path dir) throws IOException {
        JsonNode relabels = relabels();
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(p -> Files.exists(p.resolve("case.json"))).sorted().toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c, relabels)));
    }

    private static void check(Path c, JsonNode relabels) throws IOException {
        JsonNode own = JSON.readTree(c.resolve("case.json").toFile());
        JsonNode relabel = relabels.get(c.getFileName().toString());
        if (relabel != null) {
            relabel.get("evidence").fields().forEachRemaining(e -> assertThat(own.path(e.getKey()).asText())
                    .as("%s: the evidence for its relabel, in its own %s", c.getFileName(), e.getKey()).contains(e.getValue().asText()));
        }
        JsonNode label = relabel != null ? relabel : own;
        Diagnosis d;
        try (InputStream in = Files.newInputStream(c.resolve("console.log"))) {
            d = LogDoctor.examine(in, c.toString());
        }
        String want = label.get("outcome").asText();
        JsonNode line = label.get("first_bad_line");
        String got = d.verdict().outcome() + " | " + (d.verdict().firstBadLine() == null ? null : d.verdict().firstBadLine().text());
        assertThat(d.verdict().outcome()).as("outcome of %s (got %s)", c.getFileName(), got).isEqualTo(want);
        if (line == null || line.isNull()) {
            assertThat(d.verdict().firstBadLine()).as("first bad line of %s", c.getFileName()).isNull();
        } else {
            assertThat(d.verdict().firstBadLine()).as("first bad line of %s", c.getFileName()).isNotNull();
            assertThat(LogLines.utf8(d.verdict().firstBadLine().text()).strip())
                    .as("first bad line of %s", c.getFileName()).isEqualTo(line.asText().strip());
        }
    }

    private static JsonNode relabels() throws IOException {
        try (InputStream in = BootLogCorpusTest.class.getResourceAsStream("/shared-corpus-relabels.json")) {
            return JSON.readTree(in);
        }
    }
}
