package org.kforge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kforge.asset.FileTrees;
import org.kforge.kconfig.KconfigReader;
import org.kforge.kconfig.KernelConfig;
import org.kforge.pci.LspciDump;
import org.kforge.pci.Resource;
import org.kforge.pci.SnapshotStream;

/**
 * Each reader of hostile input, fed shapes built from the tokens that broke kforge before ("..", links out,
 * NUL, ESC/OSC/C1, deep "(" and "!", self-referencing macros and sources, CR, numbers that are none): it
 * answers or says one clear thing (a KforgeException), never another exception, never unbounded. Each
 * property has a fixed time budget in the ordinary test run: tries past it pass without running.
 */
class HostileReadersFuzzTest {
    private static final long BUDGET_NANOS = 8_000_000_000L;
    private static final Map<String, Long> STARTED = new HashMap<>();
    private static final String[] TOKENS = {"..", "/", "//", ".", "\u0000", "\u001B[2J", "\u001B]0;pwned\u0007", "\u009B", "\u009D",
        "\r", "\n", "\r\n", " ", "(", ")", "!", "&&", "||", "=", "$(X)", "$(", "\"", "\\", "0x", "-1", "ff", "zz", "99999999999999999999",
        "kfpci ", "begin 1 6.1", "end 1", "D /", "F /", "L /", "X 00 ff", "E /", "sys", "esc", "../../victim", "/etc/passwd",
        "source \"Kconfig\"", "config FOO", "bool \"x\"", "depends on", "if A", "endif", "menu \"m\"", "endmenu", "X = $(X)$(X)",
        "00:02.0 ", "00: ", "10: ", "ff0: ", "0000:00:1f.7 x", "CONFIG_A=y", "# CONFIG_B is not set", "CONFIG_S=\"", "\t"};

    private static boolean withinBudget(String property) {
        long start = STARTED.computeIfAbsent(property, k -> System.nanoTime());
        return System.nanoTime() - start < BUDGET_NANOS;
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> token = Arbitraries.of(TOKENS);
        Arbitrary<String> repeated = Arbitraries.of("(", "!", "$(X)", "../", "\u001B[").flatMap(t -> Arbitraries.integers().between(1, 3000).map(t::repeat));
        return Arbitraries.oneOf(token, token, token, repeated, Arbitraries.strings().ofMaxLength(8))
                .list().ofMaxSize(60).map(l -> String.join("", l));
    }

    private static final String[] KTAP_TOKENS = {"KTAP version 1\n", "TAP version 14\n", "KTAP version 99999999999999999999\n",
        "1..2\n", "1..99999999999999999999\n", "ok 1 a\n", "not ok 2 - b\n", "ok 1 a # SKIP why\n", "not ok 1 c # TIMEOUT 30\n",
        "# Subtest: s\n", "    ", "\t", "[    0.5] ", "kunit executor: x\n", "reboot: System halted\n", "# a: EXPECTATION FAILED at x\n"};

    @Provide
    Arbitrary<String> ktap() {
        Arbitrary<String> token = Arbitraries.of(KTAP_TOKENS);
        Arbitrary<String> nested = Arbitraries.integers().between(1, 2000).map(n -> "KTAP version 1\n".repeat(n));
        return Arbitraries.oneOf(token, token, token, nested, Arbitraries.of(TOKENS)).list().ofMaxSize(80).map(l -> String.join("", l));
    }

    /** The KTAP parser and everything that shows its results: no exception, and nothing raw from the log in XML or HTML. */
    @Property(tries = 300)
    void ktapLogsAndTheirReports(@ForAll("ktap") String text) {
        if (!withinBudget("ktap")) return;
        org.kforge.ktap.KtapRun run = org.kforge.ktap.KtapParser.parse(java.util.List.of(text.split("\n", -1)), "fuzz");
        assertThat(run.counts().total()).isNotNegative();
        assertThat(org.kforge.report.KtapText.render(run, true)).doesNotContain("\u001B", "\u0000");
        assertThat(org.kforge.report.KtapJson.render(java.util.List.of(run))).isNotEmpty();
        org.kforge.console.Verdict v = new org.kforge.console.Verdict("panic", false, new org.kforge.console.Verdict.Line(1, text), text, text,
                java.util.List.of(text));
        org.kforge.report.RunSummary summary = new org.kforge.report.RunSummary(text, v, java.util.List.of(), -1, null, 0, run);
        String xml = org.kforge.report.JunitXml.render("test", java.util.List.of(summary));
        assertThat(xml).doesNotContain("\u0000", "\u001B", "\u009B");
        try {
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("JUnit XML that does not parse: " + e.getMessage(), e);
        }
        String html = org.kforge.report.HtmlReport.render(java.util.List.of(summary));
        assertThat(html).doesNotContain("\u0000", "\u001B", "\u009B", "<script");
    }

    private static void answersOrRefuses(Runnable reader) {
        try {
            reader.run();
        } catch (KforgeException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.exitCode()).isIn(1, 2, 3);
        }
    }

    @Property(tries = 400)
    void snapshotCapturesNeverWriteOutsideTheirDirectory(@ForAll("hostile") String body) throws IOException {
        if (!withinBudget("snapshot")) return;
        Path tmp = Files.createTempDirectory("kforge-fuzz-");
        try {
            Path dir = tmp.resolve("a/snap");
            String capture = "kfpci begin 1 6.1\n" + body + "\nkfpci L /esc ../../victim\nkfpci F /esc/x\nkfpci X 41\nkfpci end 1\n";
            answersOrRefuses(() -> {
                try {
                    SnapshotStream.write(new ByteArrayInputStream(capture.getBytes(StandardCharsets.ISO_8859_1)), dir, "fuzz");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (var walk = Files.walk(tmp)) {
                assertThat(walk.map(p -> tmp.relativize(p).toString()).filter(p -> !p.isEmpty() && !p.equals("a") && !p.startsWith("a/snap")))
                        .as("nothing outside the snapshot directory").isEmpty();
            }
        } finally {
            FileTrees.delete(tmp);
        }
    }

    @Property(tries = 400)
    void lspciDumps(@ForAll("hostile") String text) {
        if (!withinBudget("lspci")) return;
        answersOrRefuses(() -> LspciDump.parse("00:02.0 x\n00: 86 80 37 12 03 01 00 00 02 00 00 06 00 00 00 00\n" + text, "fuzz"));
    }

    @Property(tries = 400)
    void kernelConfigs(@ForAll("hostile") String text) {
        if (!withinBudget("config")) return;
        answersOrRefuses(() -> KernelConfig.parse("fuzz", text));
    }

    @Property(tries = 400)
    void resourceFiles(@ForAll("hostile") String text) {
        if (!withinBudget("resource")) return;
        answersOrRefuses(() -> Resource.parse(text, "fuzz"));
    }

    @Property(tries = 150)
    void kconfigTrees(@ForAll("hostile") String text) throws IOException {
        if (!withinBudget("kconfig")) return;
        Path tree = Files.createTempDirectory("kforge-kconfig-fuzz-");
        try {
            Files.createDirectories(tree.resolve("arch/arm64"));
            Files.writeString(tree.resolve("Kconfig"), "config FOO\n\tbool \"foo\"\n\tdepends on " + text + "\n" + text + "\n",
                    StandardCharsets.UTF_8);
            answersOrRefuses(() -> KconfigReader.read(tree, "arm64"));
        } finally {
            FileTrees.delete(tree);
        }
    }

    @Property(tries = 400)
    void terminalTextLeavesNoControlCharacter(@ForAll("hostile") String text) {
        if (!withinBudget("terminal")) return;
        String v = TerminalText.visible(text);
        for (char c : v.toCharArray()) assertThat(TerminalText.needsEscape(c)).as("U+%04X in %s", (int) c, v).isFalse();
    }
}
