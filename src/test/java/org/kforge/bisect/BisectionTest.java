package org.kforge.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.kforge.KforgeException;

/** The driver over a fake history, builder and booter: what a bisection concludes, and that the tree is always reset. */
class BisectionTest {
    private static final KernelBooter.Boot OK = new KernelBooter.Boot(true, "boot-ok", "userspace ready", Path.of("ok.log"));
    private static final KernelBooter.Boot PANIC = new KernelBooter.Boot(false, "panic", "Kernel panic - not syncing: planted", Path.of("panic.log"));
    private static final KernelBooter.Boot HANG = new KernelBooter.Boot(false, "hang", "no output for 30 s", Path.of("hang.log"));

    /** Builds every commit but those in {@code failing}; each Image's digest is its commit unless {@code sameAs} says otherwise. */
    private static KernelBuilder builder(List<String> failing, Map<String, String> sameAs, List<String> built) {
        return commit -> {
            built.add(commit);
            if (failing.contains(commit)) return KernelBuilder.Built.failed("drivers/misc/x.c:3: error: expected ';'", 2);
            return new KernelBuilder.Built(Path.of("Image"), "sha-" + sameAs.getOrDefault(commit, commit), 30, null);
        };
    }

    private static KernelBooter booter(Function<Integer, KernelBooter.Boot> byIndex) {
        return (commit, image, attempt) -> byIndex.apply(Integer.parseInt(commit.substring(1)));
    }

    @Test
    void aPlantedPanicIsFoundAndTheTreeIsResetOnce() throws Exception {
        FakeHistory h = new FakeHistory(16);
        List<String> built = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        BisectReport r = new Bisection(h, builder(List.of(), Map.of(), built), booter(i -> i >= 11 ? PANIC : OK), 1, null)
                .progress(lines::add).run("c00", "c15");
        assertThat(r.result()).isEqualTo(BisectReport.CULPRIT);
        assertThat(r.culprit().id()).isEqualTo("c11");
        assertThat(r.match().text()).isEqualTo("panic");
        assertThat(r.parentStep().commit()).isEqualTo("c10");
        assertThat(r.parentStep().mark()).isEqualTo(StepMark.GOOD);
        assertThat(r.exitCode()).isZero();
        assertThat(built).startsWith("c15", "c00").doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(2 + 5);
        assertThat(lines.get(0)).startsWith("bad end").contains("c15", "bad: panic in 1 of 1 boots");
        assertThat(lines.get(2)).startsWith("step 1 of ~");
        assertThat(h.resets).isEqualTo(1);
        assertThat(h.inSession).isFalse();
    }

    @Test
    void seededFlakinessIsOutvotedByRepeatAndReported() throws Exception {
        Random seeded = new Random(4888);
        // from c09 on the planted panic shows in about half the boots; c04 hangs now and then (another failure, not bad)
        Function<Integer, KernelBooter.Boot> flaky = i -> {
            if (i >= 9) return seeded.nextDouble() < 0.5 ? PANIC : OK;
            if (i == 4) return seeded.nextDouble() < 0.3 ? HANG : OK;
            return OK;
        };
        BisectReport once = new Bisection(new FakeHistory(16), builder(List.of(), Map.of(), new ArrayList<>()),
                booter(i -> i >= 9 && i != 13 && i != 11 ? PANIC : OK), 1, null).run("c00", "c15");
        assertThat(once.culprit().id()).as("one boot per step: a flaky miss at c11/c13 blames a later commit").isNotEqualTo("c09");

        BisectReport r = new Bisection(new FakeHistory(16), builder(List.of(), Map.of(), new ArrayList<>()), booter(flaky), 8,
                BootMatch.of("panic")).run("c00", "c15");
        assertThat(r.culprit().id()).isEqualTo("c09");
        assertThat(r.flaky()).isNotEmpty();
        assertThat(r.flaky()).allSatisfy(s -> assertThat(s.reason()).contains("(flaky)"));
        Step bad = r.steps().stream().filter(s -> s.mark() == StepMark.BAD && s.flaky()).findFirst().orElseThrow();
        assertThat(bad.reason()).matches("panic in [1-7] of 8 boots \\(flaky\\)");
    }

    @Test
    void anotherFailureIsNeverBad() throws Exception {
        // c05..c07 hang every boot: a different failure from the bad end's panic, so they are skipped, not blamed
        BisectReport r = new Bisection(new FakeHistory(12), builder(List.of(), Map.of(), new ArrayList<>()),
                booter(i -> i >= 8 ? PANIC : i >= 5 ? HANG : OK), 1, null).run("c00", "c11");
        assertThat(r.result()).isEqualTo(BisectReport.ONLY_SKIPPED);
        assertThat(r.candidates()).extracting(Revisions.Commit::id).contains("c08").doesNotContain("c04");
        assertThat(r.steps()).filteredOn(s -> s.mark() == StepMark.SKIP).allSatisfy(s -> assertThat(s.reason()).contains("(hang)"));
    }

    @Test
    void buildErrorsAndHostFailuresAreSkipsNeverBad() throws Exception {
        List<String> unbuildable = List.of("c05", "c06");
        KernelBooter hostless = (commit, image, attempt) -> {
            if (commit.equals("c03")) throw KforgeException.hostMissing("qemu-system-aarch64 could not start: no KVM", "apt-get install qemu-system-arm");
            return Integer.parseInt(commit.substring(1)) >= 6 ? PANIC : OK;
        };
        BisectReport r = new Bisection(new FakeHistory(10), builder(unbuildable, Map.of(), new ArrayList<>()), hostless, 1, null)
                .run("c00", "c09");
        assertThat(r.steps()).filteredOn(s -> s.commit().equals("c05") || s.commit().equals("c03"))
                .allSatisfy(s -> assertThat(s.mark()).isEqualTo(StepMark.SKIP));
        assertThat(r.steps()).filteredOn(s -> s.commit().equals("c03")).allSatisfy(s -> assertThat(s.reason()).startsWith("could not boot: qemu"));
        // c05 and c06 do not build: git cannot tell which of c05..c07 broke the boot
        assertThat(r.result()).isEqualTo(BisectReport.ONLY_SKIPPED);
        assertThat(r.candidates()).extracting(Revisions.Commit::id).containsExactly("c05", "c06", "c07");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void allSkippedNamesTheCandidates() throws Exception {
        List<String> unbuildable = List.of("c01", "c02", "c03", "c04", "c05", "c06");
        BisectReport r = new Bisection(new FakeHistory(8), builder(unbuildable, Map.of(), new ArrayList<>()), booter(i -> i >= 7 ? PANIC : OK), 1, null)
                .run("c00", "c07");
        assertThat(r.result()).isEqualTo(BisectReport.ONLY_SKIPPED);
        assertThat(r.candidates()).extracting(Revisions.Commit::id).containsExactly("c01", "c02", "c03", "c04", "c05", "c06", "c07");
        assertThat(r.steps()).filteredOn(s -> s.role().startsWith("step")).hasSize(6)
                .allSatisfy(s -> assertThat(s.reason()).startsWith("build failed: drivers/misc/x.c:3"));
        assertThat(r.culprit()).isNull();
    }

    @Test
    void aMistakeOfTheUsersAbortsAndStillResets() throws Exception {
        FakeHistory h = new FakeHistory(8);
        KernelBuilder b = commit -> {
            if (commit.equals("c03")) throw KforgeException.badInput("no fragment twin.config in the tree", "give --config a file");
            return new KernelBuilder.Built(Path.of("Image"), "sha-" + commit, 1, null);
        };
        BisectReport r = new Bisection(h, b, booter(i -> i >= 5 ? PANIC : OK), 1, null).run("c00", "c07");
        assertThat(r.result()).isEqualTo(BisectReport.ABORTED);
        assertThat(r.reason()).contains("c03", "no fragment twin.config");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(StepMark.ABORT.exitCode()).isGreaterThan(127);
        assertThat(h.resets).isEqualTo(1);
    }

    @Test
    void aGoodEndThatIsBadIsAClearError() {
        FakeHistory h = new FakeHistory(8);
        assertThatThrownBy(() -> new Bisection(h, builder(List.of(), Map.of(), new ArrayList<>()), booter(i -> PANIC), 1, null).run("c00", "c07"))
                .isInstanceOf(KforgeException.class).hasMessage("the good end c00 is bad too: panic in 1 of 1 boots")
                .satisfies(e -> assertThat(((KforgeException) e).exitCode()).isEqualTo(2));
        assertThat(h.resets).isEqualTo(1);
        assertThat(h.checkedOut).isEqualTo("main");
    }

    @Test
    void aBadEndThatBootsIsAClearError() {
        FakeHistory h = new FakeHistory(8);
        assertThatThrownBy(() -> new Bisection(h, builder(List.of(), Map.of(), new ArrayList<>()), booter(i -> OK), 3, null).run("c00", "c07"))
                .isInstanceOf(KforgeException.class).hasMessage("the bad end c07 is not bad: booted 3 of 3");
        assertThat(h.resets).isEqualTo(1);
    }

    @Test
    void identicalKernelsAreReportedNotBlamed() throws Exception {
        // c06 only touched a comment: its Image is byte-identical to c05's; a flaky boot made it look bad
        Map<Integer, Integer> calls = new HashMap<>();
        Function<Integer, KernelBooter.Boot> b = i -> {
            int n = calls.merge(i, 1, Integer::sum);
            return i >= 7 || (i == 6 && n == 1) ? PANIC : OK;
        };
        BisectReport r = new Bisection(new FakeHistory(8), builder(List.of(), Map.of("c06", "c05"), new ArrayList<>()), booter(b), 1, null)
                .run("c00", "c07");
        assertThat(r.culprit().id()).isEqualTo("c06");
        assertThat(r.result()).isEqualTo(BisectReport.IDENTICAL);
        assertThat(r.reason()).contains("byte-identical to its parent's", "sha-c05");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void aResumedRunMarksEarlierStepsWithoutRebuildingThem() throws Exception {
        List<Step> saved = new ArrayList<>();
        new Bisection(new FakeHistory(16), builder(List.of(), Map.of(), new ArrayList<>()), booter(i -> i >= 11 ? PANIC : OK), 1, null)
                .onStep(saved::add).run("c00", "c15");
        List<String> built = new ArrayList<>();
        BisectReport r = new Bisection(new FakeHistory(16), builder(List.of(), Map.of(), built), booter(i -> i >= 11 ? PANIC : OK), 1, null)
                .resume(saved.subList(0, 3)).run("c00", "c15");
        assertThat(r.culprit().id()).isEqualTo("c11");
        assertThat(built).doesNotContainAnyElementsOf(saved.subList(0, 3).stream().map(Step::commit).toList());
    }

    @Test
    void gitBisectRunsExitCodeContract() {
        assertThat(StepMark.ofExitCode(0)).isEqualTo(StepMark.GOOD);
        assertThat(StepMark.ofExitCode(125)).isEqualTo(StepMark.SKIP);
        assertThat(StepMark.ofExitCode(1)).isEqualTo(StepMark.BAD);
        assertThat(StepMark.ofExitCode(127)).isEqualTo(StepMark.BAD);
        assertThat(StepMark.ofExitCode(128)).isEqualTo(StepMark.ABORT);
        assertThat(StepMark.ofExitCode(-1)).isEqualTo(StepMark.ABORT);
        for (StepMark m : StepMark.values()) assertThat(StepMark.ofExitCode(m.exitCode())).isEqualTo(m);
    }
}
