package org.kforge.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.kforge.console.LogLines;
import org.kforge.console.Verdict;

/**
 * The verdict as JSON, the same object in {@code kforge boot --json} (result.json) and
 * {@code kforge doctor --json}: snake_case keys, text from the console made safe to print.
 */
public final class VerdictJson {
    private VerdictJson() {
    }

    public static void put(ObjectNode n, Verdict v) {
        n.put("outcome", v.outcome());
        n.put("booted", v.booted());
        n.put("title", LogLines.utf8(v.title()));
        n.put("layer", v.layer());
        line(n, v.firstBadLine());
        n.put("cause", LogLines.utf8(v.cause()));
        fixes(n, v.fixes());
        findings(n.putArray("failures"), v.failures());
        findings(n.putArray("notes"), v.notes());
    }

    /** The verdict back from what {@link #put} wrote (result.json's "verdict"). */
    public static Verdict read(com.fasterxml.jackson.databind.JsonNode n) {
        return new Verdict(n.path("outcome").asText(), n.path("booted").asBoolean(), line(n), n.path("title").asText(),
                n.path("cause").asText(), strings(n.path("fix")), n.hasNonNull("layer") ? n.get("layer").asText() : null,
                readFindings(n.path("failures")), readFindings(n.path("notes")));
    }

    private static List<Verdict.Finding> readFindings(com.fasterxml.jackson.databind.JsonNode arr) {
        List<Verdict.Finding> out = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode f : arr) {
            out.add(new Verdict.Finding(f.path("id").asText(), f.path("title").asText(), line(f), f.path("cause").asText(), strings(f.path("fix"))));
        }
        return out;
    }

    private static Verdict.Line line(com.fasterxml.jackson.databind.JsonNode n) {
        com.fasterxml.jackson.databind.JsonNode l = n.path("first_bad_line");
        return l.isObject() ? new Verdict.Line(l.path("number").asInt(), l.path("text").asText()) : null;
    }

    private static List<String> strings(com.fasterxml.jackson.databind.JsonNode arr) {
        List<String> out = new java.util.ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static void findings(ArrayNode arr, List<Verdict.Finding> all) {
        for (Verdict.Finding f : all) {
            ObjectNode n = arr.addObject().put("id", f.id()).put("title", LogLines.utf8(f.title()));
            line(n, f.line());
            n.put("cause", LogLines.utf8(f.why()));
            fixes(n, f.fixes());
        }
    }

    private static void line(ObjectNode n, Verdict.Line line) {
        if (line == null) {
            n.putNull("first_bad_line");
        } else {
            n.putObject("first_bad_line").put("number", line.number()).put("text", LogLines.utf8(line.text()));
        }
    }

    private static void fixes(ObjectNode n, List<String> fixes) {
        ArrayNode fix = n.putArray("fix");
        fixes.forEach(f -> fix.add(LogLines.utf8(f)));
    }
}
