package org.kforge.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.kforge.Json;

/**
 * What lava-run logs, one record a line ({@code {"dt": ..., "lvl": ..., "msg": ...}}, lava_common/log.py's YAMLLogger):
 * the device's console ({@code target}, and {@code feedback} while LAVA finishes), LAVA's results
 * ({@code results}: a case, a result, an error), its steps ({@code info} "start: 2 boot-image-retry"). A line that
 * is not a record (a Python warning on stderr) is kept apart, not judged.
 */
public final class LavaLog {
    private static final ObjectMapper MAPPER = Json.wire();
    private final List<String> console = new ArrayList<>();
    private final List<JsonNode> results = new ArrayList<>();
    private final List<String> other = new ArrayList<>();
    private boolean qemuStarted;

    /** One record of LAVA's log as it came; returns it (null for a line that is no record). */
    public synchronized Record accept(String line) {
        Record r = Record.parse(line);
        if (r == null) {
            if (!line.isBlank()) other.add(line);
            return null;
        }
        if (r.isConsole()) console.add(r.text());
        if (r.level().equals("results")) {
            results.add(r.msg());
            if (r.msg().path("case").asText().startsWith("execute-qemu") && r.msg().path("result").asText().equals("pass")) qemuStarted = true;
        }
        return r;
    }

    /** The device's console, line by line, as LAVA read it. */
    public synchronized List<String> console() {
        return List.copyOf(console);
    }

    public synchronized List<JsonNode> results() {
        return List.copyOf(results);
    }

    /** What lava-run printed that is not a log record (its last words when it failed before logging). */
    public synchronized List<String> other() {
        return List.copyOf(other);
    }

    /** Whether LAVA started the device (its QEMU command ran): after that, silence is the device's. */
    public synchronized boolean deviceStarted() {
        return qemuStarted || !console.isEmpty();
    }

    /** One log record: its level and message (a string, or for results a mapping). */
    public record Record(String time, String level, JsonNode msg) {
        static Record parse(String line) {
            String s = line.strip();
            if (s.startsWith("- ")) s = s.substring(2);
            if (!s.startsWith("{")) return null;
            try {
                JsonNode n = MAPPER.readTree(s);
                if (!n.has("lvl") || !n.has("msg")) return null;
                return new Record(n.path("dt").asText(), n.get("lvl").asText(), n.get("msg"));
            } catch (java.io.IOException e) {
                return null;
            }
        }

        /** The device's console: while LAVA runs it (target), and while it shuts it down (feedback). */
        public boolean isConsole() {
            return (level.equals("target") || level.equals("feedback")) && msg.isTextual();
        }

        public String text() {
            return msg.isTextual() ? msg.asText() : msg.toString();
        }

        /** A top-level step of the job ("start: 2 boot-image-retry (timeout 00:02:00) [common]"). */
        public boolean isStep() {
            return level.equals("info") && text().matches("start: \\d+ .*");
        }
    }
}
