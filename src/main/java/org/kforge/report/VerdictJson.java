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
