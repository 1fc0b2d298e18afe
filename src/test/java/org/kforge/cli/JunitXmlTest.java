package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * --junit on doctor and test ktap: the XML validates against the JUnit schema (src/test/resources/junit/junit.xsd,
 * after Surefire's), every case has a classname and a unique name, a failure carries the verdict's title and first
 * bad line, KTAP cases are cases, and what a console printed cannot break the XML.
 */
class JunitXmlTest {
    private static final Path PANIC = Path.of("src/test/resources/ktap/kunit-panic.log");

    @TempDir
    Path tmp;

    static Document validated(Path xml) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Path.of("src/test/resources/junit/junit.xsd").toFile())
                .newValidator().validate(new StreamSource(xml.toFile()));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    }

    static List<Element> cases(Document d) {
        NodeList all = d.getElementsByTagName("testcase");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) out.add((Element) all.item(i));
        return out;
    }

    static Element only(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        assertThat(l.getLength()).as(tag + " in " + e.getAttribute("name")).isEqualTo(1);
        return (Element) l.item(0);
    }

    @Test
    void aKunitRunThatPanicsGivesTheVerdictTheFailedCaseAndTheInterruptedOne() throws Exception {
        Path xml = tmp.resolve("junit.xml");
        CliRun r = CliRun.of("test", "ktap", "--junit", xml.toString(), PANIC.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        Document d = validated(xml);
        List<Element> cases = cases(d);
        Element boot = cases.get(0);
        assertThat(boot.getAttribute("classname")).isEqualTo("kforge.test");
        Element failure = only(boot, "failure");
        assertThat(failure.getAttribute("type")).isEqualTo("panic");
        assertThat(failure.getAttribute("message")).contains("NULL pointer dereference");
        assertThat(failure.getTextContent()).contains("first bad line 22: [    0.613500] Unable to handle kernel NULL pointer dereference");
        assertThat(only(boot, "system-out").getTextContent()).contains("    22| [    0.613500] Unable to handle kernel NULL pointer");

        Element simple = cases.stream().filter(c -> c.getAttribute("name").equals("example_simple_test")).findFirst().orElseThrow();
        assertThat(simple.getAttribute("classname")).isEqualTo("kunit.example");
        assertThat(only(simple, "failure").getAttribute("message")).contains("EXPECTATION FAILED at lib/kunit/kunit-example-test.c:29");
        Element skipped = cases.stream().filter(c -> c.getAttribute("name").equals("example_skip_test")).findFirst().orElseThrow();
        assertThat(only(skipped, "skipped").getAttribute("message")).isEqualTo("this test should be skipped");
        Element interrupted = cases.stream().filter(c -> c.getAttribute("classname").equals("kunit.list-kunit-test")
                && c.getElementsByTagName("error").getLength() > 0).findFirst().orElseThrow();
        assertThat(interrupted.getAttribute("name")).isEqualTo("#2");
        assertThat(only(interrupted, "error").getAttribute("message")).contains("the kernel stopped", "(line 22)");
        Element root = d.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("7");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("2");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
    }

    @Test
    void hostileConsoleTextStaysTextAndNamesStayUnique() throws Exception {
        Path log = tmp.resolve("hostile.log");
        String evil = "<script>alert(1)</script> ]]> &amp; \"q\" \u0001\u0007\u001b[31m\u0085 \uFFFE";
        Files.writeString(log, String.join("\n",
                "[    0.1] Linux version 6.1.0 " + evil,
                "KTAP version 1", "1..3",
                "ok 1 same " + evil,
                "not ok 2 same " + evil,
                "ok 3 same " + evil,
                "[    0.2] Kernel panic - not syncing: " + evil) + "\n", StandardCharsets.UTF_8);
        Path xml = tmp.resolve("out.xml");
        CliRun r = CliRun.of("doctor", "--junit", xml.toString(), log.toString(), log.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        Document d = validated(xml);
        Set<String> seen = new HashSet<>();
        for (Element c : cases(d)) {
            assertThat(c.getAttribute("classname")).isNotEmpty();
            assertThat(seen.add(c.getAttribute("classname") + "/" + c.getAttribute("name"))).as("unique " + c.getAttribute("name")).isTrue();
        }
        String text = Files.readString(xml);
        assertThat(text).doesNotContain("<script>", "\u0001", "\u0007", "\u001b", "\u0085").contains("&lt;script&gt;");
        assertThat(cases(d)).extracting(c -> c.getAttribute("name")).contains("same <script>alert(1)</script> ]]> &amp; \"q\" [31m  (2)");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    @Test
    void aJunitFileInNoDirectoryIsRefusedBeforeAnythingRuns() {
        CliRun r = CliRun.of("doctor", "--junit", tmp.resolve("no/such/dir/j.xml").toString(), PANIC.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--junit", "no directory");
        CliRun dir = CliRun.of("boot", "--junit", tmp.toString(), "--dry-run");
        assertThat(dir.exitCode()).isEqualTo(2);
        assertThat(dir.err()).contains("is a directory");
    }
}
