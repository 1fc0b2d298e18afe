package org.kforge.ktap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The KTAP parser on the spec's examples (Documentation/dev-tools/ktap.rst) and on hostile logs. */
class KtapParserTest {
    private static KtapRun parse(String log) {
        return KtapParser.parse(List.of(log.split("\n", -1)), "test");
    }

    @Test
    void timestampPrefixesAreCutAndNestedSuitesCounted() {
        KtapRun r = parse("""
                [    0.1] Booting Linux
                [    0.5] KTAP version 1
                [    0.5] 1..2
                [    0.5]     KTAP version 1
                [    0.5]     # Subtest: list-kunit-test
                [    0.5]     1..2
                [    0.5]     ok 1 list_test_list_init
                [    0.5]     # list_test_list_add: EXPECTATION FAILED at lib/list-test.c:20
                [    0.5]     not ok 2 list_test_list_add
                [    0.5] not ok 1 list-kunit-test
                [    0.6]     KTAP version 1
                [    0.6]     # Subtest: string-stream-test
                [    0.6]     1..1
                [    0.6]     ok 1 string_stream_test_empty_on_creation # SKIP no memory
                [    0.6] ok 2 string-stream-test
                """);
        assertThat(r.counts().toString()).isEqualTo("Ran 3 tests: passed: 1, failed: 1, skipped: 1");
        assertThat(r.main().status()).isEqualTo(KtapStatus.FAILED);
        KtapTest list = r.main().subtests().get(0);
        assertThat(list.name()).isEqualTo("list-kunit-test");
        KtapTest add = list.subtests().get(1);
        assertThat(add.status()).isEqualTo(KtapStatus.FAILED);
        assertThat(add.line()).isEqualTo(9);
        assertThat(add.log()).extracting(KtapTest.LogLine::text).containsExactly("    # list_test_list_add: EXPECTATION FAILED at lib/list-test.c:20");
        KtapTest skipped = r.main().subtests().get(1).subtests().get(0);
        assertThat(skipped.status()).isEqualTo(KtapStatus.SKIPPED);
        assertThat(skipped.directive()).isEqualTo("SKIP");
        assertThat(skipped.reason()).isEqualTo("no memory");
        assertThat(r.cases()).extracting(c -> c.suite() + "." + c.test().name()).containsExactly("list-kunit-test.list_test_list_init",
                "list-kunit-test.list_test_list_add", "string-stream-test.string_stream_test_empty_on_creation");
    }

    @Test
    void directivesOtherThanSkipAreKeptAndLeaveTheStatusToOkOrNotOk() {
        KtapRun r = parse("KTAP version 1\n1..3\nnot ok 1 slow # TIMEOUT 30 seconds\nnot ok 2 broken # ERROR no device\nok 3 later # TODO not yet\n");
        List<KtapTest> t = r.main().subtests();
        assertThat(t).extracting(KtapTest::directive).containsExactly("TIMEOUT", "ERROR", "TODO");
        assertThat(t).extracting(KtapTest::reason).containsExactly("30 seconds", "no device", "not yet");
        assertThat(t).extracting(KtapTest::status).containsExactly(KtapStatus.FAILED, KtapStatus.FAILED, KtapStatus.PASSED);
    }

    @Test
    void aBootThatDiesMidSuiteCrashesTheRestOfThePlan() {
        KtapRun r = parse("KTAP version 1\n1..1\n    # Subtest: s\n    1..4\n    ok 1 a\n    Unable to handle kernel NULL pointer\n");
        assertThat(r.counts().toString()).isEqualTo("Ran 4 tests: passed: 1, crashed: 3, errors: 4");
        KtapTest suite = r.main().subtests().get(0);
        assertThat(suite.status()).isEqualTo(KtapStatus.CRASHED);
        assertThat(suite.subtests().get(1).label()).isEqualTo("#2");
        assertThat(suite.subtests().get(1).log()).extracting(KtapTest.LogLine::text).contains("    Unable to handle kernel NULL pointer");
    }

    @Test
    void noKtapAtAllIsNotFound() {
        KtapRun r = parse("[    0.0] Booting Linux\n");
        assertThat(r.found()).isFalse();
        assertThat(r.counts().toString()).isEqualTo("Ran 0 tests: errors: 1");
    }

    @Test
    void deepNestingStopsAtTheBoundWithoutRecursion() {
        StringBuilder log = new StringBuilder("KTAP version 1\n");
        for (int i = 0; i < 100_000; i++) log.append("KTAP version 1\n");
        KtapRun r = KtapParser.parse(List.of(log.toString().split("\n")), "deep");
        assertThat(r.notes()).singleElement().asString().contains("nested deeper than " + KtapParser.MAX_DEPTH);
    }

    @Test
    void aHugePlanCountsItsMissingTestsWithoutAnObjectEach() {
        KtapRun r = parse("KTAP version 1\n1..999999999999999999999999\n");
        assertThat(r.counts().crashed()).isEqualTo(1_000_000_000_000_000_000L);
        assertThat(r.main().subtests()).hasSizeLessThanOrEqualTo(KtapParser.MAX_TESTS);
    }

    @Test
    void manyTestsStopAtTheBound() {
        List<String> lines = new ArrayList<>(List.of("KTAP version 1"));
        for (int i = 1; i <= KtapParser.MAX_TESTS + 10; i++) lines.add("ok " + i + " t" + i);
        KtapRun r = KtapParser.parse(lines, "many");
        assertThat(r.main().subtests()).hasSizeLessThanOrEqualTo(KtapParser.MAX_TESTS);
        assertThat(r.notes()).singleElement().asString().contains("more than " + KtapParser.MAX_TESTS + " tests");
    }

    @Test
    void aLongResultLineIsReadInLinearTime() {
        String name = "x ".repeat(8000);
        KtapRun r = parse("KTAP version 1\n1..1\nok 1 " + name + "#\n");
        assertThat(r.counts().errors()).isPositive();
    }
}
