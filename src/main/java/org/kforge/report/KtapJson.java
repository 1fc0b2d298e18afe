package org.kforge.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.kforge.Json;
import org.kforge.ktap.KtapCounts;
import org.kforge.ktap.KtapRun;
import org.kforge.ktap.KtapTest;

/** KTAP results as JSON ({@code kforge test ktap --json}; schema in docs/kunit.md): counts as kunit.py counts them, every test. */
public final class KtapJson {
    private KtapJson() {
    }

    public static String render(List<KtapRun> runs) {
        if (runs.size() == 1) return Json.write(node(runs.get(0)));
        ArrayNode arr = Json.json().createArrayNode();
        runs.forEach(r -> arr.add(node(r)));
        return Json.write(arr);
    }

    public static ObjectNode node(KtapRun r) {
        ObjectNode n = Json.json().createObjectNode();
        n.put("source", r.source());
        n.put("status", r.main().status().json());
        counts(n.putObject("counts"), r.counts());
        n.put("summary", r.counts().toString().strip());
        strings(n.putArray("errors"), r.main().errors());
        strings(n.putArray("notes"), r.notes());
        ArrayNode suites = n.putArray("tests");
        r.main().subtests().forEach(t -> test(suites.addObject(), t));
        return n;
    }

    private static void test(ObjectNode n, KtapTest t) {
        n.put("name", t.name());
        n.put("status", t.status().json());
        if (t.line() > 0) n.put("line", t.line());
        if (t.directive() != null) n.put("directive", t.directive()).put("reason", t.reason());
        if (!t.errors().isEmpty()) strings(n.putArray("errors"), t.errors());
        if (!t.log().isEmpty()) {
            ArrayNode log = n.putArray("log");
            t.log().forEach(l -> log.addObject().put("line", l.line()).put("text", l.text()));
        }
        if (t.isSuite()) {
            if (t.expected() != null) n.put("planned", t.expected());
            counts(n.putObject("counts"), t.counts());
            ArrayNode subs = n.putArray("tests");
            t.subtests().forEach(s -> test(subs.addObject(), s));
        }
    }

    private static void counts(ObjectNode n, KtapCounts c) {
        n.put("total", c.total()).put("passed", c.passed()).put("failed", c.failed()).put("crashed", c.crashed())
                .put("skipped", c.skipped()).put("errors", c.errors());
    }

    private static void strings(ArrayNode arr, List<String> all) {
        all.forEach(arr::add);
    }
}
