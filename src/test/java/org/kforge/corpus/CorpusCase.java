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

    /**
     * TUNING: rules may be written against it. HELD_OUT: the first split (by name hash), never tuned on,
     * but its misses have been read. HELD_OUT_2: a second held-out set gathered later from sources nobody
     * had looked at, marked {@code "split": "held-out-2"} in case.json and scored once before any rule change.
     * HELD_OUT_3: a third such set, gathered after held-out-2's misses had been read and never seen by whoever
     * tunes rules ({@code "split": "held-out-3"}); scored once with the rules as they were.
     */
    public enum Split {
        TUNING("tuning"), HELD_OUT("held-out"), HELD_OUT_2("held-out-2"), HELD_OUT_3("held-out-3");

        private final String label;

        Split(String label) {
            this.label = label;
        }

        /** The name the report, the floors and case.json use. */
        public String label() {
            return label;
        }

        public boolean heldOut() {
            return this != TUNING;
        }

        /** The split a case.json declares (only held-out-2 and held-out-3 are declared). */
        static Split declared(String label) {
            for (Split s : values()) if (s.label.equals(label)) return s;
            throw new IllegalArgumentException("unknown split " + label);
        }
    }

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
        Split split = j.hasNonNull("split") ? Split.declared(j.get("split").asText())
                : splittable ? CorpusSplit.of(name) : Split.TUNING;
        return new CorpusCase(name, dir, split, outcome, line == null || line.isNull() ? null : line.asText(),
                booted, layer, kinds);
    }
}
