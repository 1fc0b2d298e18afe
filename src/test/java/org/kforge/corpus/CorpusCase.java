package org.kforge.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One labelled log: {@code console.log} and its {@code case.json} (the label is what the source
 * concluded). {@code booted} is the label's own field, or, where a corpus has none, "outcome is
 * boot-ok"; {@code layer} is set for a Xen log only (hypervisor or dom0).
 */
public record CorpusCase(String name, Path dir, Split split, String outcome, String firstBadLine, boolean booted,
                         String layer, List<String> kinds) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Split { TUNING, HELD_OUT }

    public Path log() {
        return dir.resolve("console.log");
    }

    /** A Xen log: labelled with the failing layer, or (a Xen boot that failed nowhere) tagged "xen". */
    public boolean xen() {
        return layer != null || kinds.contains("xen");
    }

    /**
     * Every case of one corpus directory; {@code extraLayers} gives the Xen layer of cases whose
     * case.json has no {@code layer} field (an older corpus, labelled before the field existed).
     */
    public static List<CorpusCase> load(Path corpus, boolean splittable, Map<String, String> extraLayers) {
        try (Stream<Path> s = Files.list(corpus)) {
            return s.filter(p -> Files.exists(p.resolve("case.json"))).sorted()
                    .map(p -> of(p, splittable, extraLayers)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CorpusCase of(Path dir, boolean splittable, Map<String, String> extraLayers) {
        String name = dir.getFileName().toString();
        JsonNode j;
        try {
            j = JSON.readTree(dir.resolve("case.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String outcome = j.path("outcome").asText();
        JsonNode line = j.get("first_bad_line");
        boolean booted = j.has("booted") ? j.get("booted").asBoolean() : outcome.equals("boot-ok");
        String layer = j.hasNonNull("layer") ? j.get("layer").asText() : extraLayers.get(name);
        List<String> kinds = new ArrayList<>();
        j.path("kinds").forEach(k -> kinds.add(k.asText()));
        if (extraLayers.containsKey(name)) kinds.add("xen");
        Split split = splittable ? CorpusSplit.of(name) : Split.TUNING;
        return new CorpusCase(name, dir, split, outcome, line == null || line.isNull() ? null : line.asText(),
                booted, layer, kinds);
    }
}
