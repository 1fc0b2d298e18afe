package org.kforge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBookTest {
    @Test
    void everyRuleIsPrefilteredByALiteral() {
        // a rule with no literal runs its regex on every line of a 1 GB log
        assertThat(RuleBook.builtIn().unfiltered()).isEmpty();
    }

    @Test
    void requiredLiteralsFollowTopLevelAlternatives() {
        assertThat(LiteralScan.requiredLiterals("Kernel panic - not syncing: (.*)")).containsExactly("Kernel panic - not syncing: ");
        assertThat(LiteralScan.requiredLiterals("foo bar|baz (qux|quux) end")).containsExactly("foo bar", "baz ");
        assertThat(LiteralScan.requiredLiterals("a|bc")).isNull();
        assertThat(LiteralScan.requiredLiteral("BUG: (spinlock|rwlock) lockup")).isEqualTo(" lockup");
        assertThat(LiteralScan.requiredLiteral("INFO: task .{0,100}? blocked")).isEqualTo("INFO: task ");
        // "\\x43" is one character, not "x43": an expression with such an escape has no literal read from it
        assertThat(LiteralScan.requiredLiteral("kernel\\x43 panic")).isNull();
        assertThat(LiteralScan.clauses("(?:foo|bar\\u0041) failed to start", List.of("failed"))).isEmpty();
    }

    @Test
    void clausesAreWhatEveryMatchHoldsBesidesTheNeeds() {
        // the pattern's own literals and those of a required group: a line with "failed" alone runs no regex
        assertThat(LiteralScan.clauses("(brcmfmac|mwifiex\\S*|iwlwifi)[: ].*(?:HT Avail timeout|failed to load)", List.of("failed")))
                .containsExactly(List.of("brcmfmac", "mwifiex", "iwlwifi"), List.of("HT Avail timeout", "failed to load"));
        // in each alternative, a run a needs literal already holds gives way to a tighter one
        assertThat(LiteralScan.clauses("WARNING: fbcon: Driver|EXT4-fs:.*WARNING", List.of("WARNING: ", "WARNING")))
                .containsExactly(List.of("WARNING: fbcon: Driver", "EXT4-fs:"));
        // no group is required under a top-level alternative, none that is optional or a look-around
        assertThat(LiteralScan.clauses("(abcdef) x|(ghijkl) y", List.of())).isEmpty();
        assertThat(LiteralScan.clauses("a(?:optional group)? (?!negative look)b", List.of())).isEmpty();
        // a set with a short literal costs a look at every byte: left out
        assertThat(LiteralScan.clauses("(?:ath|brcmfmac): firmware crashed", List.of())).containsExactly(List.of(": firmware crashed"));
    }

    @Test
    void aLineWithALooseNeedsLiteralAloneRunsNoExpression() {
        RuleBook book = RuleBook.builtIn();
        java.util.BitSet hits = new java.util.BitSet();
        // wifi-attach-failed needs "failed"; its pattern needs a Wi-Fi driver's name too
        String loose = "cfg80211: loading regulatory database failed";
        assertThat(book.candidates(loose, 0, hits)).as(hits.toString()).isFalse();
        String wifi = "brcmfmac: brcmf_sdio_htclk: HT Avail timeout (1000000): clkctl 0x50";
        assertThat(book.candidates(wifi, 0, hits)).isTrue();
        assertThat(hits.stream().mapToObj(i -> book.rules().get(i).id())).contains("wifi-attach-failed");
    }

    @Test
    void anchoredPatternsAreCheckedAtTheStartOnly() {
        assertThat(LiteralScan.opensWith("^(?:Starting kernel \\.\\.\\.|Jumping to kernel)", "Starting kernel ...")).isTrue();
        assertThat(LiteralScan.opensWith("^(?:/ #|~ #)(?:\\s.*)?$", "~ #")).isTrue();
        assertThat(LiteralScan.opensWith("^\\s*# Subtest: kasan", "# Subtest: kasan")).isFalse();
        assertThat(LiteralScan.opensWith("Kernel panic - (.*)", "Kernel panic")).isFalse();
    }

    @Test
    void timestampsCallerIdsAndXenGuestPrefixesAreNotPartOfTheMessage() {
        assertThat(ConsoleText.message("[   49.650190][  T126] wlan1: Created IBSS")).isEqualTo("wlan1: Created IBSS");
        assertThat(ConsoleText.message("(XEN) DOM1: [    0.000000] Linux version 5.14.0")).isEqualTo("Linux version 5.14.0");
        assertThat(ConsoleText.message("(XEN) Xen version 4.17")).isEqualTo("(XEN) Xen version 4.17");
        assertThat(ConsoleText.seconds("[   12.500000] x")).isEqualTo(12.5);
    }

    @Test
    void theScanFindsEveryLiteral() {
        LiteralScan s = new LiteralScan(List.of("he", "she", "his", "hers"), List.of(0, 1, 2, 3));
        java.util.BitSet hits = new java.util.BitSet();
        assertThat(s.scan("ushers", hits)).isTrue();
        assertThat(hits.stream().boxed().toList()).containsExactly(0, 1, 3);
    }

    @Test
    void theByteScanFindsWhatTheStringScanFindsAtEveryOffset() {
        // long literals are keyed by two runs of four (checked at every other position), short ones by a character
        LiteralScan s = new LiteralScan(List.of("Oops", "pi@", "x", "failed with error", "Kernel panic - not syncing: "),
                List.of(0, 1, 2, 3, 4));
        for (String body : List.of("Oops", "pi@", "x", "failed with error", "Kernel panic - not syncing: ")) {
            for (int pad = 0; pad < 11; pad++) {
                String line = "-".repeat(pad) + body + "-".repeat(10 - pad);
                java.util.BitSet fromString = new java.util.BitSet();
                java.util.BitSet fromBytes = new java.util.BitSet();
                assertThat(s.scan(line, fromString)).as(line).isTrue();
                byte[] buf = ("##" + line + "##").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(s.scan(buf, 2, buf.length - 2, fromBytes)).as(line).isTrue();
                assertThat(fromBytes).as(line).isEqualTo(fromString);
            }
        }
        java.util.BitSet none = new java.util.BitSet();
        byte[] cut = "--failed with erro".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(s.scan(cut, 0, cut.length, none)).isFalse();
    }

    @Test
    void theReaderFlagsLinesWithControlBytesButNotTabs() throws java.io.IOException {
        String log = "plain line\n\ttabbed\n\u001B[1mbold\u001B[0m and long enough to span words\r\nlast";
        List<String> seen = new java.util.ArrayList<>();
        LogLines.readRaw(new java.io.ByteArrayInputStream(log.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                (buf, start, end, control) -> seen.add(new String(buf, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1) + "|" + control));
        assertThat(seen).containsExactly("plain line|false", "\ttabbed|false",
                "\u001B[1mbold\u001B[0m and long enough to span words|true", "last|false");
    }
}
