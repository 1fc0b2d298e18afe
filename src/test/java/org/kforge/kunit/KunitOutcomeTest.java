package org.kforge.kunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kforge.console.Diagnosis;
import org.kforge.console.LogDoctor;
import org.kforge.console.Verdict;
import org.kforge.ktap.KtapParser;
import org.kforge.ktap.KtapRun;

/** A KUnit run judged: the kernel's own end against a death mid-suite, and the case that was running. */
class KunitOutcomeTest {
    /** The verdict of a kernel that ran its suites and powered off: the log ends short of userspace. */
    private static final Verdict ENDED = new Verdict(KunitOutcome.ENDED, false, null, "the log ends before the boot was ready", "", List.of());

    private static KtapRun ktap(String text) {
        return KtapParser.parse(List.of(text.split("\n")), "log");
    }

    @Test
    void aPanicMidSuiteIsADeathWithTheCaseThatWasRunning() throws Exception {
        KtapRun k;
        Diagnosis d;
        try (InputStream in = getClass().getResourceAsStream("/ktap/kunit-panic.log")) {
            k = KtapParser.parse(in, "kunit-panic.log");
        }
        try (InputStream in = getClass().getResourceAsStream("/ktap/kunit-panic.log")) {
            d = LogDoctor.examine(in, "kunit-panic.log");
        }
        KunitOutcome o = KunitOutcome.of(k, d.verdict(), d.events());
        assertThat(o.died()).isTrue();
        assertThat(o.interrupted()).isEqualTo("list-kunit-test.#2");
        assertThat(o.after()).isEqualTo("list_test_list_init");
        assertThat(o.exitCode()).isEqualTo(1);
    }

    @Test
    void theKernelsOwnEndAfterTheLastSuiteIsNoDeath() {
        KtapRun k = ktap("KTAP version 1\n1..1\n    KTAP version 1\n    # Subtest: s\n    1..2\n    ok 1 a\n    ok 2 b # SKIP not here\nok 1 s\n");
        KunitOutcome o = KunitOutcome.of(k, ENDED, List.of());
        assertThat(o.died()).isFalse();
        assertThat(o.interrupted()).isNull();
        assertThat(o.exitCode()).isZero();
    }

    @Test
    void aFailedCaseExitsOneAndAnEmptyPlanIsNoTests() {
        KtapRun failed = ktap("KTAP version 1\n1..1\n    KTAP version 1\n    # Subtest: s\n    1..1\n    not ok 1 a\nnot ok 1 s\n");
        assertThat(KunitOutcome.of(failed, ENDED, List.of()).exitCode()).isEqualTo(1);
        KunitOutcome none = KunitOutcome.of(ktap("KTAP version 1\n1..0\n"), ENDED, List.of());
        assertThat(none.noTests()).isTrue();
        assertThat(none.exitCode()).isEqualTo(1);
    }

    @Test
    void aSuiteThatNeverStartedIsTheInterruptedOne() {
        KtapRun k = ktap("KTAP version 1\n1..2\n    KTAP version 1\n    # Subtest: s\n    1..1\n    ok 1 a\nok 1 s\n");
        KunitOutcome o = KunitOutcome.of(k, ENDED, List.of());
        assertThat(o.died()).isTrue();
        assertThat(o.interrupted()).isEqualTo("#2");
    }
}
