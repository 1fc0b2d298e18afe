package org.kforge.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of the corpus is labelled in full, and its first bad line is a whole line of its log. */
class CorpusLabelsTest {
    static final Set<String> OUTCOMES = Set.of("boot-ok", "no-console", "bootloader-error", "no-root", "no-init", "panic",
            "oops", "hang", "oom", "device-error", "emergency-shell", "warning");
    static final Set<String> LAYERS = Set.of("hypervisor", "dom0");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCaseIsLabelled() throws Exception {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(DoctorAccuracy.CORPUS)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(dirs).isNotEmpty();
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
    }

    private static void check(Path dir) throws Exception {
        String name = dir.getFileName().toString();
        assertThat(name).as("directory name NNN-short-name").matches("\\d{3}-[a-z0-9][a-z0-9.-]+");
        JsonNode j = JSON.readTree(dir.resolve("case.json").toFile());
        for (String f : List.of("source", "arch", "platform", "outcome", "root_cause", "fix", "resolution_status", "kinds")) {
            assertThat(j.hasNonNull(f)).as(name + ": field " + f).isTrue();
        }
        assertThat(j.get("source").asText()).as(name + ": source is a URL").startsWith("https://");
        assertThat(OUTCOMES).as(name + ": outcome").contains(j.get("outcome").asText());
        assertThat(j.get("booted").isBoolean()).as(name + ": booted true/false").isTrue();
        assertThat(j.toString().toLowerCase()).as(name + ": no doubtful labels").doesNotContain("doubtful");
        if (j.hasNonNull("layer")) assertThat(LAYERS).as(name + ": layer").contains(j.get("layer").asText());
        // only the second and third held-out sets declare their split; the others get theirs from the name (CorpusSplit)
        if (j.has("split")) assertThat(j.get("split").asText()).as(name + ": split")
                .isIn(CorpusCase.Split.HELD_OUT_2.label(), CorpusCase.Split.HELD_OUT_3.label());
        List<String> lines = new String(Files.readAllBytes(dir.resolve("console.log")), StandardCharsets.UTF_8).lines()
                .map(String::strip).toList();
        assertThat(j.get("log_lines").asInt()).as(name + ": log_lines").isEqualTo(lines.size());
        JsonNode bad = j.get("first_bad_line");
        if (j.get("outcome").asText().equals("boot-ok")) {
            assertThat(bad == null || bad.isNull()).as(name + ": a boot-ok case has no first bad line").isTrue();
        } else {
            assertThat(bad != null && !bad.isNull()).as(name + ": first_bad_line").isTrue();
            assertThat(lines).as(name + ": first_bad_line is a whole line of console.log").contains(bad.asText().strip());
        }
    }
}
