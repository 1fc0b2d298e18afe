package org.kforge.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kforge.console.Verdict;
import org.kforge.ktap.KtapRun;
import org.kforge.ktap.KtapStatus;
import org.kforge.ktap.KtapTest;

/**
 * JUnit XML for CI (GitLab, Jenkins): {@code testsuites/testsuite/testcase}. A boot or a log is a test suite
 * whose case is the boot: a failure with the verdict's class, title, first bad line, why and what to try, and
 * the console around the first bad line as system-out; a booted system's failed devices are failed cases
 * too; KTAP suites in the console are suites of their own, a case per KTAP case. Every case has a classname
 * and a name unique within it (GitLab drops duplicates and cases without classname: gitlab-foss#50964);
 * console text is stripped of what XML cannot hold ({@link XmlText}).
 */
public final class JunitXml {
    /** A message repeated per case (the verdict's title in a crashed case's): at most this many characters. */
    private static final int MESSAGE_CHARS = 1024;
    /** Console lines in a case's system-out: before and after the first bad line, or the last ones. */
    static final int BEFORE = 30;
    static final int AFTER = 20;

    private final String kind;
    private final Set<String> names = new HashSet<>();

    private JunitXml(String kind) {
        this.kind = kind;
    }

    /** A case of a suite, built before the suite is written (its counts lead the suite's element). */
    private record Case(String classname, String name, double seconds, String outcome, String type, String message,
                        String detail, String out) {
    }

    /** {@code kind}: "boot", "doctor" or "test", the classname's second word. */
    public static String render(String kind, List<RunSummary> runs) {
        return new JunitXml(kind).document(runs);
    }

    /** Written whole or not at all (a temporary file beside it, then a rename). */
    public static void write(String kind, List<RunSummary> runs, Path file) throws IOException {
        org.kforge.OutputFile.write(file, render(kind, runs));
    }

    private String document(List<RunSummary> runs) {
        List<String> suiteNames = new ArrayList<>();
        List<List<Case>> suites = new ArrayList<>();
        for (RunSummary r : runs) {
            suiteNames.add("kforge." + kind + "." + r.name());
            suites.add(bootCases(r));
            if (r.ktap() != null) ktapSuites(r, suiteNames, suites);
        }
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "kforge " + kind);
            counts(x, suites.stream().flatMap(List::stream).toList());
            x.writeCharacters("\n");
            for (int i = 0; i < suites.size(); i++) suite(x, suiteNames.get(i), suites.get(i));
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private List<Case> bootCases(RunSummary r) {
        List<Case> cases = new ArrayList<>();
        String classname = "kforge." + kind;
        Verdict v = r.verdict();
        String out = ConsoleExcerpt.text(r.firstBadLine() > 0 ? ConsoleExcerpt.around(r.console(), r.firstBadLine(), BEFORE, AFTER)
                : ConsoleExcerpt.tail(r.console(), r.consoleLines(), BEFORE + AFTER));
        if (v.booted()) {
            cases.add(new Case(classname, unique(classname, r.name()), r.seconds(), "passed", null, null, null, out));
        } else {
            cases.add(new Case(classname, unique(classname, r.name()), r.seconds(), "failure", v.outcome(), v.title(),
                    detail(v.firstBadLine(), v.layer(), v.cause(), v.fixes()), out));
        }
        for (Verdict.Finding f : v.booted() ? v.failures() : List.<Verdict.Finding>of()) {
            String name = f.title() + (f.line() == null ? "" : " (line " + f.line().number() + ")");
            String cn = classname + "." + r.name();
            cases.add(new Case(cn, unique(cn, name), 0, "failure", f.id(), f.title(), detail(f.line(), null, f.why(), f.fixes()),
                    f.line() == null ? "" : ConsoleExcerpt.text(ConsoleExcerpt.around(r.console(), f.line().number(), 5, 5))));
        }
        return cases;
    }

    private void ktapSuites(RunSummary r, List<String> suiteNames, List<List<Case>> suites) {
        KtapRun k = r.ktap();
        for (KtapRun.Case c : k.cases()) {
            String suite = c.suite().isEmpty() ? "ktap" : c.suite();
            String classname = "kunit." + suite;
            KtapTest t = c.test();
            String name = unique(classname, t.label());
            StringBuilder log = new StringBuilder();
            for (KtapTest.LogLine l : t.log()) log.append(String.format("%6d| %s", l.line(), l.text())).append('\n');
            String out = log.toString();
            Case kc = switch (t.status()) {
                case PASSED -> new Case(classname, name, 0, "passed", null, null, null, out);
                case SKIPPED -> new Case(classname, name, 0, "skipped", null, t.reason() == null ? "" : t.reason(), null, out);
                case FAILED -> new Case(classname, name, 0, "failure", "failed", firstMessage(t),
                        "not ok " + t.number() + " " + t.name() + " (console line " + t.line() + ")", out);
                default -> {
                    String crash = crashMessage(r, t);
                    yield new Case(classname, name, 0, "error", t.status() == KtapStatus.CRASHED ? "crashed" : t.status().json(),
                            crash, crash, out);
                }
            };
            String suiteName = "kunit." + suite;
            int at = suiteNames.indexOf(suiteName);
            if (at < 0) {
                suiteNames.add(suiteName);
                suites.add(new ArrayList<>());
                at = suites.size() - 1;
            }
            suites.get(at).add(kc);
        }
    }

    /** A failed KUnit case's message: its "EXPECTATION FAILED" or "ASSERTION FAILED" line, else its last diagnostic. */
    private static String firstMessage(KtapTest t) {
        for (KtapTest.LogLine l : t.log()) if (l.text().contains("FAILED at")) return l.text().strip();
        return t.log().isEmpty() ? "not ok" : t.log().get(t.log().size() - 1).text().strip();
    }

    /** Why a case has no result; the verdict's title is cut to a line's worth (each crashed case repeats it). */
    private static String crashMessage(RunSummary r, KtapTest t) {
        String title = r.verdict().title();
        if (title != null && title.length() > MESSAGE_CHARS) title = title.substring(0, MESSAGE_CHARS) + "...";
        String why = r.verdict().booted() ? "its result line never came" : "the kernel stopped: " + title
                + (r.firstBadLine() > 0 ? " (line " + r.firstBadLine() + ")" : "");
        return "test " + t.label() + " crashed: " + why;
    }

    private static String detail(Verdict.Line line, String layer, String why, List<String> fixes) {
        StringBuilder s = new StringBuilder();
        if (line != null) s.append("first bad line ").append(line.number()).append(": ").append(line.text().strip()).append('\n');
        if (layer != null) s.append("layer: ").append(layer).append('\n');
        if (why != null && !why.isEmpty()) s.append("why: ").append(why).append('\n');
        for (String f : fixes) s.append("try: ").append(f).append('\n');
        return s.toString();
    }

    private String unique(String classname, String name) {
        String n = name.isEmpty() ? "(unnamed)" : name;
        String candidate = n;
        for (int i = 2; !names.add(classname + "\u0000" + candidate); i++) candidate = n + " (" + i + ")";
        return candidate;
    }

    private static void suite(XMLStreamWriter x, String name, List<Case> cases) throws XMLStreamException {
        x.writeCharacters("  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", XmlText.clean(name));
        counts(x, cases);
        x.writeCharacters("\n");
        for (Case c : cases) testcase(x, c);
        x.writeCharacters("  ");
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void counts(XMLStreamWriter x, List<Case> cases) throws XMLStreamException {
        x.writeAttribute("tests", Integer.toString(cases.size()));
        x.writeAttribute("failures", Long.toString(cases.stream().filter(c -> c.outcome().equals("failure")).count()));
        x.writeAttribute("errors", Long.toString(cases.stream().filter(c -> c.outcome().equals("error")).count()));
        x.writeAttribute("skipped", Long.toString(cases.stream().filter(c -> c.outcome().equals("skipped")).count()));
        x.writeAttribute("time", seconds(cases.stream().mapToDouble(Case::seconds).sum()));
    }

    private static void testcase(XMLStreamWriter x, Case c) throws XMLStreamException {
        x.writeCharacters("    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", XmlText.clean(c.classname()));
        x.writeAttribute("name", XmlText.clean(c.name()));
        x.writeAttribute("time", seconds(c.seconds()));
        switch (c.outcome()) {
            case "failure", "error" -> {
                x.writeStartElement(c.outcome());
                x.writeAttribute("message", XmlText.clean(c.message()));
                x.writeAttribute("type", XmlText.clean(c.type()));
                x.writeCharacters(XmlText.clean(c.detail()));
                x.writeEndElement();
            }
            case "skipped" -> {
                x.writeStartElement("skipped");
                x.writeAttribute("message", XmlText.clean(c.message()));
                x.writeEndElement();
            }
            default -> { }
        }
        if (c.out() != null && !c.out().isEmpty()) {
            x.writeStartElement("system-out");
            x.writeCharacters(XmlText.clean(c.out()));
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, s));
    }
}
