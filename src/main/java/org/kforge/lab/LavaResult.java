package org.kforge.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kforge.Json;

/**
 * LAVA's own verdict on a job: lava-run's result.yaml ({@code result: pass|fail}, and for a failure its
 * {@code error_type}, Infrastructure, Job, Test, Bug, Configuration or Canceled, and {@code error_msg}).
 */
public record LavaResult(String result, String errorType, String errorMsg) {
    public boolean passed() {
        return "pass".equals(result);
    }

    /** result.yaml in lava-run's output directory; a missing one (lava-run killed) is a failure without a type. */
    public static LavaResult read(Path outputDir) {
        Path f = outputDir.resolve("result.yaml");
        if (!Files.isRegularFile(f)) return new LavaResult("fail", null, "lava-run wrote no result.yaml");
        try {
            JsonNode n = Json.yamlData().readTree(f.toFile());
            return new LavaResult(n.path("result").asText("fail"), text(n, "error_type"), text(n, "error_msg"));
        } catch (IOException e) {
            return new LavaResult("fail", null, "unreadable result.yaml: " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asText() : null;
    }

    /** One line: "pass", or "fail (Infrastructure: Connection closed)". */
    public String line() {
        if (passed()) return "pass";
        return "fail (" + (errorType == null ? "" : errorType + ": ") + (errorMsg == null ? "no message" : errorMsg) + ")";
    }
}
