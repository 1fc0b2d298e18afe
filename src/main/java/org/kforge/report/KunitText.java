package org.kforge.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.kforge.Json;
import org.kforge.TerminalText;
import org.kforge.console.Event;
import org.kforge.kunit.Elapsed;
import org.kforge.kunit.KunitOutcome;

/**
 * {@code kforge test kunit}'s answer: the KTAP results as {@code kforge test ktap} prints them (kunit.py's counts
 * and summary line), then, when the kernel died, the verdict engine's diagnosis and the case that was running;
 * kunit.py's elapsed-time line; where the console and the page are. {@code --json}: the same as data.
 */
public final class KunitText {
    private KunitText() {
    }

    public static String text(KunitOutcome o, List<Event> events, Elapsed elapsed, Path runDir, String filter) {
        StringBuilder out = new StringBuilder(KtapText.render(o.ktap(), false));
        if (o.noTests()) out.append("no suite matched kunit.filter_glob=").append(filter).append(" (KUnit's plan was 1..0)\n");
        if (o.died()) {
            out.append('\n').append(VerdictText.render(events, o.verdict(), true));
            if (o.interrupted() != null) {
                out.append("  interrupted: ").append(o.interrupted()).append(o.after() == null ? " (its first case)"
                        : " (the case after " + o.after() + "; KTAP names a case only in its result line)").append('\n');
            }
        }
        out.append(elapsed).append('\n');
        out.append("  log: ").append(runDir.resolve("console.log")).append('\n');
        out.append("  report: ").append(runDir.resolve("report.html")).append('\n');
        return TerminalText.visible(out.toString());
    }

    public static String json(KunitOutcome o, Elapsed elapsed, Path buildDir, Path runDir) {
        ObjectNode n = KtapJson.node(o.ktap());
        n.put("died", o.died());
        if (o.interrupted() != null) n.put("interrupted", o.interrupted());
        VerdictJson.put(n.putObject("verdict"), o.verdict());
        n.putObject("elapsed").put("total", elapsed.total()).put("configuring", elapsed.configuring())
                .put("building", elapsed.building()).put("running", elapsed.running());
        n.put("build_dir", buildDir.toString());
        n.put("run_dir", runDir.toString());
        return Json.write(n);
    }
}
