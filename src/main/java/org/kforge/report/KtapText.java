package org.kforge.report;

import org.kforge.TerminalText;
import org.kforge.ktap.KtapRun;
import org.kforge.ktap.KtapStatus;
import org.kforge.ktap.KtapTest;

/**
 * KTAP results for a person: a line per suite, every case that did not pass with its console line and its
 * message, then kunit.py's own summary line ("Testing complete. Ran 10 tests: passed: 9, failed: 1").
 */
public final class KtapText {
    private KtapText() {
    }

    public static String render(KtapRun r, boolean header) {
        StringBuilder out = new StringBuilder();
        if (header) out.append("== ").append(r.source()).append('\n');
        if (!r.found()) {
            out.append("no KTAP output in ").append(r.consoleLines()).append(" console lines (no \"KTAP version 1\" line)\n");
        }
        for (KtapTest suite : r.main().subtests()) {
            out.append(String.format("  %-14s %s", "[" + suite.status().word() + "]", suite.label()));
            if (suite.isSuite()) out.append(" (").append(suite.counts().toString().replaceFirst("^Ran ", "").strip()).append(')');
            out.append('\n');
        }
        for (KtapRun.Case c : r.cases()) {
            KtapTest t = c.test();
            if (t.status().ok() && t.directive() == null) continue;
            if (t.status() == KtapStatus.SKIPPED || t.status() == KtapStatus.PASSED) {
                out.append("    ").append(t.status().word().toLowerCase(java.util.Locale.ROOT)).append(": ").append(name(c))
                        .append(" # ").append(t.directive()).append(t.reason().isEmpty() ? "" : " " + t.reason()).append('\n');
                continue;
            }
            out.append("    ").append(t.status().word()).append(": ").append(name(c));
            if (t.line() > 0) out.append(" (line ").append(t.line()).append(')');
            else if (t.name().isEmpty()) out.append(" (no result line: the log ends, or the suite's result came, before it)");
            out.append('\n');
            for (KtapTest.LogLine l : t.log()) out.append("      ").append(l.text().strip()).append('\n');
        }
        r.main().errors().forEach(e -> out.append("  error: ").append(e).append('\n'));
        r.notes().forEach(n -> out.append("  note: ").append(n).append('\n'));
        out.append("Testing complete. ").append(r.counts().toString().strip()).append('\n');
        return TerminalText.visible(out.toString());
    }

    private static String name(KtapRun.Case c) {
        String n = c.test().label();
        return c.suite().isEmpty() ? n : c.suite() + "." + n;
    }
}
