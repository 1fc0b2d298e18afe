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
}
