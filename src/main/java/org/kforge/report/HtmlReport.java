package org.kforge.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kforge.TerminalText;
import org.kforge.console.Verdict;
import org.kforge.ktap.KtapRun;
import org.kforge.ktap.KtapTest;

/**
 * report.html: one self-contained page (its CSS inline, no script, nothing fetched) per boot or log, or
 * several side by side: the verdict, a timeline of the boot's phases with their times, the failures, the
 * KTAP results as a table, and the console with an anchor per line ({@code #L242}; {@code #r2-L242} for the
 * second run of a page of several), the first bad line and every failure marked. Console text is made
 * visible ({@link TerminalText}) and HTML-escaped. A console of more than {@link #ALL_LINES} lines shows its
 * head, its tail and the lines around every mark.
 */
public final class HtmlReport {
    static final int ALL_LINES = 20_000;
    static final int HEAD = 2_000;
    static final int TAIL = 5_000;
    static final int AROUND = 50;
    static final int LINE_CHARS = 4_000;

    private final StringBuilder out = new StringBuilder(64 * 1024);

    private HtmlReport() {
    }

    public static String render(List<RunSummary> runs) {
        HtmlReport h = new HtmlReport();
        h.page(runs);
        return h.out.toString();
    }

    /** Written whole or not at all (a temporary file beside it, then a rename). */
    public static void write(List<RunSummary> runs, java.nio.file.Path file) throws java.io.IOException {
        org.kforge.OutputFile.write(file, render(runs));
    }

    private void page(List<RunSummary> runs) {
        String title = runs.size() == 1 ? runs.get(0).name() + ": " + headline(runs.get(0).verdict()) : runs.size() + " runs";
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>kforge: ").append(esc(title))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        if (runs.size() > 1) overview(runs);
        for (int i = 0; i < runs.size(); i++) run(runs.get(i), runs.size() == 1 ? "" : "r" + (i + 1) + "-");
        out.append("<footer>written by kforge</footer>\n</body>\n</html>\n");
    }

    private void overview(List<RunSummary> runs) {
        out.append("<section id=\"overview\">\n<h1>").append(runs.size()).append(" runs side by side</h1>\n<table>\n")
                .append("<tr><th>run</th><th>verdict</th><th>first bad line</th><th>ready at</th><th>tests</th></tr>\n");
        for (int i = 0; i < runs.size(); i++) {
            RunSummary r = runs.get(i);
            String p = "r" + (i + 1) + "-";
            out.append("<tr class=\"").append(r.verdict().booted() ? "booted" : "failed").append("\"><td><a href=\"#").append(p)
                    .append("verdict\">").append(esc(r.name())).append("</a></td><td>").append(esc(headline(r.verdict()))).append("</td><td>");
            if (r.firstBadLine() > 0) out.append(lineLink(p, r.firstBadLine()));
            out.append("</td><td>").append(esc(readyAt(r))).append("</td><td>")
                    .append(r.ktap() == null ? "" : esc(r.ktap().counts().toString().strip())).append("</td></tr>\n");
        }
        out.append("</table>\n</section>\n");
    }

    private static String readyAt(RunSummary r) {
        return r.marks().stream().filter(m -> BootPhase.of(m) == BootPhase.READY).findFirst().map(HtmlReport::time).orElse("");
    }

    private void run(RunSummary r, String p) {
        Map<Integer, String> classes = lineClasses(r);
        List<ConsoleExcerpt.Line> lines = ConsoleExcerpt.lines(r.console(), wanted(r, classes.keySet()));
        Map<Integer, String> text = new HashMap<>();
        lines.forEach(l -> text.put(l.number(), l.text()));
        out.append("<article class=\"run\" id=\"").append(p).append("run\">\n");
        verdict(r, p);
        timeline(r, p, text);
        if (r.ktap() != null) ktap(r.ktap(), p);
        console(r, p, lines, classes);
        out.append("</article>\n");
    }

    private void verdict(RunSummary r, String p) {
        Verdict v = r.verdict();
        out.append("<header id=\"").append(p).append("verdict\" class=\"verdict ").append(v.booted() ? "booted" : "failed")
                .append("\" data-outcome=\"").append(esc(v.outcome())).append("\">\n<p class=\"run-name\">").append(esc(r.name()));
        if (r.seconds() >= 0) out.append(String.format(Locale.ROOT, " &middot; %.2f s", r.seconds()));
        out.append("</p>\n<h1>").append(esc(headline(v))).append("</h1>\n<dl>\n");
        if (v.layer() != null) item("layer", esc(v.layer()));
        if (v.firstBadLine() != null) {
            item("first bad line", "<a class=\"first-bad\" href=\"#" + p + "L" + v.firstBadLine().number() + "\">line " + v.firstBadLine().number()
                    + "</a>: <code>" + esc(v.firstBadLine().text().strip()) + "</code>");
        }
        if (!v.cause().isEmpty()) item("why", esc(v.cause()));
        for (String f : v.fixes()) item("try", esc(f));
        out.append("</dl>\n");
        if (!v.failures().isEmpty()) {
            out.append("<h2>").append(v.booted() ? "What failed all the same" : "Failures").append("</h2>\n<ul class=\"failures\">\n");
            for (Verdict.Finding f : v.failures()) {
                out.append("<li>");
                if (f.line() != null) out.append(lineLink(p, f.line().number())).append(' ');
                out.append(esc(f.title()));
                if (!f.why().isEmpty()) out.append(" &mdash; ").append(esc(f.why()));
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }
        for (Verdict.Finding n : v.notes()) {
            out.append("<p class=\"note\">note: ").append(esc(n.title()));
            if (n.line() != null) out.append(" (").append(lineLink(p, n.line().number())).append(')');
            out.append("</p>\n");
        }
        out.append("</header>\n");
    }

    private void item(String term, String html) {
        out.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>\n");
    }

    private void timeline(RunSummary r, String p, Map<Integer, String> text) {
        out.append("<section class=\"timeline\" id=\"").append(p).append("timeline\">\n<h2>Timeline</h2>\n<table>\n")
                .append("<tr><th>phase</th><th>time</th><th>line</th><th>what</th></tr>\n");
        Set<String> shown = new HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        for (Mark m : r.marks()) {
            if (!m.failure() && !shown.add(m.id())) continue;
            if (m.cleared()) continue;
            rows.add(new Object[] {BootPhase.of(m), time(m), m.line(), m.title()});
        }
        if (r.ktap() != null) {
            KtapRun k = r.ktap();
            int start = k.main().headerLine();
            Mark at = new Mark("ktap", "", -1, start, text.get(start), false, false);
            rows.add(new Object[] {BootPhase.TESTS, time(at), start, "KTAP: " + k.counts().toString().strip()});
        }
        rows.sort(java.util.Comparator.comparingInt(o -> (int) o[2] == 0 ? Integer.MAX_VALUE : (int) o[2]));
        for (Object[] row : rows) {
            BootPhase ph = (BootPhase) row[0];
            int line = (int) row[2];
            out.append("<tr class=\"phase ").append(ph.key()).append("\" data-phase=\"").append(ph.key()).append("\"><td>")
                    .append(esc(ph.label())).append("</td><td>").append(esc((String) row[1])).append("</td><td>")
                    .append(line > 0 ? lineLink(p, line) : "").append("</td><td>").append(esc((String) row[3])).append("</td></tr>\n");
        }
        out.append("</table>\n</section>\n");
    }

    /** Seconds since the start of a live boot, else the kernel's own time on the line, else nothing. */
    private static String time(Mark m) {
        if (m.seconds() >= 0) return String.format(Locale.ROOT, "%.2f s", m.seconds());
        double k = m.kernelSeconds();
        return k >= 0 ? String.format(Locale.ROOT, "[%.2f s]", k) : "";
    }

    private void ktap(KtapRun k, String p) {
        out.append("<section class=\"ktap\" id=\"").append(p).append("ktap\">\n<h2>KTAP results</h2>\n<p class=\"summary\">")
                .append(esc(k.counts().toString().strip())).append("</p>\n<table>\n")
                .append("<tr><th>suite</th><th>case</th><th>status</th><th>line</th><th>message</th></tr>\n");
        for (KtapRun.Case c : k.cases()) {
            KtapTest t = c.test();
            String msg = t.directive() != null ? "# " + t.directive() + (t.reason().isEmpty() ? "" : " " + t.reason())
                    : t.status().ok() ? "" : message(t);
            out.append("<tr class=\"").append(t.status().json()).append("\"><td>").append(esc(c.suite())).append("</td><td>")
                    .append(esc(t.label())).append("</td><td class=\"status\">").append(esc(t.status().word())).append("</td><td>")
                    .append(t.line() > 0 ? lineLink(p, t.line()) : "").append("</td><td>").append(esc(msg)).append("</td></tr>\n");
        }
        out.append("</table>\n");
        for (String n : k.notes()) out.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
        out.append("</section>\n");
    }

    private static String message(KtapTest t) {
        for (KtapTest.LogLine l : t.log()) if (l.text().contains("FAILED at")) return l.text().strip();
        if (t.line() == 0) return "no result line: the run stopped before it";
        return t.log().isEmpty() ? "" : t.log().get(t.log().size() - 1).text().strip();
    }

    /** The CSS classes of the console lines a report marks: the first bad line, failures, cleared ones, milestones, KTAP failures. */
    private static Map<Integer, String> lineClasses(RunSummary r) {
        Map<Integer, String> c = new HashMap<>();
        for (Mark m : r.marks()) {
            if (m.line() <= 0) continue;
            c.merge(m.line(), m.failure() ? (m.cleared() ? "cleared" : "bad") : "milestone", (a, b) -> a + " " + b);
        }
        for (Verdict.Finding f : r.verdict().failures()) if (f.line() != null) c.merge(f.line().number(), "bad", (a, b) -> a + " " + b);
        if (r.ktap() != null) {
            for (KtapRun.Case k : r.ktap().cases()) {
                if (k.test().line() > 0 && !k.test().status().ok()) c.merge(k.test().line(), "ktap-fail", (a, b) -> a + " " + b);
            }
        }
        if (r.firstBadLine() > 0) c.merge(r.firstBadLine(), "first-bad", (a, b) -> a + " " + b);
        return c;
    }

    private static java.util.function.IntPredicate wanted(RunSummary r, Set<Integer> marked) {
        if (r.consoleLines() <= ALL_LINES) return i -> true;
        Set<Integer> near = new HashSet<>();
        marked.stream().limit(400).forEach(m -> {
            for (int i = m - AROUND; i <= m + AROUND; i++) near.add(i);
        });
        int total = r.consoleLines();
        return i -> i <= HEAD || i > total - TAIL || near.contains(i);
    }

    private void console(RunSummary r, String p, List<ConsoleExcerpt.Line> lines, Map<Integer, String> classes) {
        out.append("<section class=\"console\" id=\"").append(p).append("console\">\n<h2>Console</h2>\n");
        if (r.console() == null) out.append("<p>(read from standard input: not kept)</p>\n");
        out.append("<pre>");
        int last = 0;
        for (ConsoleExcerpt.Line l : lines) {
            if (l.number() != last + 1) out.append("<span class=\"gap\">&hellip; lines ").append(last + 1).append('-').append(l.number() - 1)
                    .append(" are in the console log</span>");
            String cls = classes.get(l.number());
            out.append("<span id=\"").append(p).append('L').append(l.number()).append("\" class=\"line").append(cls == null ? "" : " " + cls)
                    .append("\"><a href=\"#").append(p).append('L').append(l.number()).append("\">").append(l.number()).append("</a>");
            String t = l.text().length() > LINE_CHARS ? l.text().substring(0, LINE_CHARS) + " [...]" : l.text();
            out.append(esc(TerminalText.visible(t))).append("</span>");
            last = l.number();
        }
        if (last < r.consoleLines()) out.append("<span class=\"gap\">&hellip; lines ").append(last + 1).append('-').append(r.consoleLines())
                .append(" are in the console log</span>");
        out.append("</pre>\n</section>\n");
    }

    private static String lineLink(String p, int line) {
        return "<a href=\"#" + p + "L" + line + "\">line " + line + "</a>";
    }

    private static String headline(Verdict v) {
        return v.booted() ? "BOOTED: " + v.title() : "FAILED (" + v.outcome() + "): " + v.title();
    }

    /** HTML-escaped, with what XML and HTML cannot hold removed. */
    static String esc(String s) {
        if (s == null) return "";
        String clean = XmlText.clean(s);
        StringBuilder b = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body { font: 14px/1.4 sans-serif; margin: 0 auto; max-width: 1200px; padding: 1em; color: #222; }
            h1 { font-size: 1.4em; margin: .2em 0; } h2 { font-size: 1.1em; margin-top: 1.2em; }
            .verdict { border-left: 8px solid; padding: .5em 1em; background: #f6f6f6; }
            .verdict.booted { border-color: #2a8a2a; } .verdict.failed { border-color: #c0262d; }
            .verdict.failed h1 { color: #c0262d; } .verdict.booted h1 { color: #1f6f1f; }
            .run-name { color: #666; margin: 0; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; } dt { font-weight: bold; } dd { margin: 0; }
            table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: .2em .6em; text-align: left; vertical-align: top; }
            tr.failure td, tr.failed td, tr.crashed td { background: #fde8e8; } tr.skipped td { background: #fff7d6; }
            tr.ready td, tr.passed td.status { color: #1f6f1f; }
            pre { font: 12px/1.35 monospace; background: #fbfbfb; border: 1px solid #ddd; padding: .5em; overflow-x: auto; }
            .line { display: block; white-space: pre-wrap; } .line a { display: inline-block; width: 5em; color: #999; text-decoration: none; user-select: none; }
            .line.milestone { background: #e8f4e8; } .line.bad, .line.ktap-fail { background: #fde8e8; } .line.cleared { background: #f0f0f0; }
            .line.first-bad { background: #f9c5c5; font-weight: bold; } .line:target { outline: 2px solid #1a5fb4; }
            .gap { display: block; color: #888; font-style: italic; } .note { color: #666; } footer { color: #999; margin-top: 2em; }
            .run { margin-bottom: 3em; } #overview tr.failed td { background: #fde8e8; }
            """;
}
