package org.kforge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleWatcherTest {
    private final Map<String, String> virt = Map.of("console", "ttyAMA0", "rootDevice", "/dev/vda");

    private Verdict feed(Map<String, String> facts, String... lines) {
        ConsoleWatcher w = new ConsoleWatcher(RuleBook.builtIn(), facts);
        for (String l : lines) w.accept(l, -1);
        return VerdictBuilder.decide(w.events());
    }

    @Test
    void readyMarkerAfterBannerIsABoot() {
        Verdict v = feed(virt, "[    0.000000] Linux version 6.1.0-56-arm64 (debian-kernel@lists.debian.org)",
                "[    1.1] Run /init as init process", "kforge-init: ready");
        assertThat(v.outcome()).isEqualTo("boot-ok");
        assertThat(v.booted()).isTrue();
    }

    @Test
    void missingRootNamesTheProfilesDevice() {
        Verdict v = feed(virt, "Linux version 6.1.0",
                "kforge-init: ALERT! /dev/sda does not exist. Block devices present: vda");
        assertThat(v.outcome()).isEqualTo("no-root");
        assertThat(v.firstBadLine().number()).isEqualTo(2);
        assertThat(v.fixes().get(0)).contains("/dev/vda");
    }

    @Test
    void withoutAProfileTheFixStillReads() {
        Verdict v = feed(Map.of(), "[    2.0] VFS: Cannot open root device \"sda1\" or unknown-block(0,0): error -6");
        assertThat(v.outcome()).isEqualTo("no-root");
        assertThat(v.fixes().get(0)).doesNotContain("${").contains("<the right device>");
    }

    @Test
    void killInitIsASymptomOfTheEarlierCause() {
        Verdict v = feed(virt,
                "[    3.0] VFS: Cannot open root device \"nfs\" or unknown-block(0,255): error -6",
                "[    3.1] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100");
        assertThat(v.outcome()).isEqualTo("no-root");
        assertThat(v.firstBadLine().number()).isEqualTo(1);
    }

    @Test
    void killInitAloneIsAPanic() {
        Verdict v = feed(virt, "[    3.1] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b");
        assertThat(v.outcome()).isEqualTo("panic");
    }

    @Test
    void escapeSequencesAndCarriageReturnsAreStrippedBeforeMatching() {
        ConsoleWatcher w = new ConsoleWatcher(RuleBook.builtIn(), virt);
        String raw = "\u001B[0;31m[    0.7] Kernel panic - not syncing: No working init found.\u001B[0m\r";
        List<Event> e = w.accept(raw, 0.7);
        assertThat(e).singleElement().satisfies(ev -> {
            assertThat(ev.outcome()).isEqualTo("no-init");
            // the line is kept as it came (JSON stays exact); a terminal sees it through TerminalText
            assertThat(ev.text()).isEqualTo(raw);
            assertThat(org.kforge.TerminalText.visible(ev.text())).doesNotContain("\u001B").doesNotContain("\r").contains("^[[0;31m");
            assertThat(ev.terminal()).isTrue();
        });
    }

    @Test
    void wrongConsoleNamesTheRightOne() {
        ConsoleWatcher w = new ConsoleWatcher(RuleBook.builtIn(),
                Map.of("console", "ttyAMA0", "uart", "PL011", "cmdlineConsole", "ttyS0", "earlycon", "pl011,0x9000000"));
        w.note("no-console-wrong-device", 10, Map.of("silence", "10"));
        Verdict v = VerdictBuilder.decide(w.events());
        assertThat(v.outcome()).isEqualTo("no-console");
        assertThat(v.title()).contains("ttyS0");
        assertThat(v.fixes()).anySatisfy(f -> assertThat(f).contains("console=ttyAMA0"));
        assertThat(v.fixes()).anySatisfy(f -> assertThat(f).contains("earlycon=pl011,0x9000000"));
        assertThat(v.firstBadLine()).isNull();
    }
}
