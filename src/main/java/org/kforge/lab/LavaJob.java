package org.kforge.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kforge.InputFile;
import org.kforge.Json;
import org.kforge.KforgeException;

/**
 * A LAVA job definition (lava_common/schemas of lava-dispatcher 2023.01): {@code job_name}, {@code device_type},
 * {@code timeouts}, {@code visibility}, {@code context} (the device type's template variables), the
 * {@code actions}; printed as YAML under a few comment lines that say where it came from.
 */
public record LavaJob(List<String> comments, ObjectNode tree) {
    /** As LAVA's own examples are written: no document marker, quotes only where YAML needs them. */
    private static final com.fasterxml.jackson.databind.ObjectMapper YAML = com.fasterxml.jackson.dataformat.yaml.YAMLMapper.builder()
            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.SPLIT_LINES).build();

    public LavaJob {
        comments = List.copyOf(comments);
    }

    public String deviceType() {
        return tree.path("device_type").asText(null);
    }

    /** The job's context: the device type's template variables (qemu: arch, machine, cpu, memory, extra_options). */
    public JsonNode context() {
        return tree.path("context");
    }

    /** The boot action's timeout in seconds, or 0 when it has none. */
    public long bootSeconds() {
        for (JsonNode a : tree.path("actions")) {
            if (a.has("boot")) return LavaTimeouts.seconds(a.get("boot").path("timeout"));
        }
        return 0;
    }

    public long jobSeconds() {
        return LavaTimeouts.seconds(tree.path("timeouts").path("job"));
    }

    public String yaml() {
        StringBuilder out = new StringBuilder();
        for (String c : comments) out.append(c.isEmpty() ? "#" : "# " + c).append('\n');
        try {
            out.append(YAML.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the LAVA job: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Reads a job file; one that is not a LAVA job (no actions, no device_type) is refused with the fix. */
    public static LavaJob read(Path file) {
        if (Files.isDirectory(file)) throw KforgeException.badInput(file + " is a directory", "give the job file (kforge lab job -o FILE)");
        JsonNode tree;
        try (var in = InputFile.open(file, "LAVA job")) {
            tree = Json.yamlData().readTree(in);
        } catch (JsonProcessingException e) {
            throw KforgeException.badInput(file + ": not YAML (" + e.getOriginalMessage().lines().findFirst().orElse("unreadable") + ")",
                    "kforge lab job -o FILE writes one");
        } catch (IOException e) {
            throw KforgeException.badInput("cannot read " + file + ": " + e.getMessage(), null);
        }
        if (!(tree instanceof ObjectNode o) || !o.path("actions").isArray() || !o.path("device_type").isTextual()) {
            throw KforgeException.badInput(file + ": not a LAVA job (it needs device_type and actions)", "kforge lab job -o FILE writes one");
        }
        return new LavaJob(new ArrayList<>(), o);
    }
}
