package org.kforge.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/** LAVA's timeout blocks ({@code {minutes: 2}}, {@code {seconds: 90}}: one unit each, at least 1). */
final class LavaTimeouts {
    private LavaTimeouts() {
    }

    /** Whole minutes when the duration is whole minutes, seconds otherwise. */
    static ObjectNode of(Duration d) {
        long s = Math.max(1, d.toSeconds());
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (s % 60 == 0) n.put("minutes", s / 60);
        else n.put("seconds", s);
        return n;
    }

    static long seconds(JsonNode t) {
        return t.path("days").asLong() * 86400 + t.path("hours").asLong() * 3600 + t.path("minutes").asLong() * 60
                + t.path("seconds").asLong();
    }
}
