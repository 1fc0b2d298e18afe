package org.kforge.bisect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kforge.KforgeException;

/**
 * The bisection driver: tests both ends, then each commit {@code git bisect} asks for, and marks it with the
 * {@code git bisect run} contract as a value ({@link StepMark}). A step is bad only when the bad end's failure (or
 * {@code --match}) shows in one of its {@code repeat} boots; a build that fails, a host that lacks something and a
 * boot that fails otherwise are skips, never bad. The tree is put back as it was found however the run ends.
 */
public final class Bisection {
    private final Revisions revs;
    private final KernelBuilder builder;
    private final KernelBooter booter;
    private final int repeat;
    private final BootMatch given;
    private final Map<String, Step> known = new LinkedHashMap<>();
    private Consumer<String> progress = line -> { };
    private Consumer<Step> tested = step -> { };

    public Bisection(Revisions revs, KernelBuilder builder, KernelBooter booter, int repeat, BootMatch match) {
        if (repeat < 1) throw KforgeException.badInput("--repeat " + repeat + ": at least 1", null);
        this.revs = revs;
        this.builder = builder;
        this.booter = booter;
        this.repeat = repeat;
        this.given = match;
    }

    /** A progress line per step. */
    public Bisection progress(Consumer<String> lines) {
        this.progress = lines;
        return this;
    }

    /** Called after every tested commit (the state file). */
    public Bisection onStep(Consumer<Step> listener) {
        this.tested = listener;
        return this;
    }

    /** Steps of an earlier run (the state file): their commits are marked again, not rebuilt. */
    public Bisection resume(List<Step> earlier) {
        for (Step s : earlier) if (s.mark() != StepMark.ABORT) known.put(s.commit(), s);
        return this;
    }

    public BisectReport run(String goodRev, String badRev) throws InterruptedException {
        String good = revs.resolve(goodRev);
        String bad = revs.resolve(badRev);
        if (good.equals(bad)) throw KforgeException.badInput("--good and --bad are the same commit " + short12(good), "give two different revisions");
        revs.begin();
        try {
            return bisect(good, bad);
        } finally {
            revs.reset();
        }
    }

    private BisectReport bisect(String good, String bad) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        Step badEnd = test(bad, "bad end", given);
        steps.add(badEnd);
        if (badEnd.mark() == StepMark.ABORT) return aborted(badEnd, null, steps, null, null);
        BootMatch match = given != null ? given : firstFailure(badEnd);
        if (badEnd.mark() != StepMark.BAD) {
            throw new KforgeException(2, "the bad end " + short12(bad) + " is not bad: " + badEnd.reason(),
                    given != null ? "check --match '" + given.text() + "' against the bad end's verdict" : "give --bad a revision that fails to boot");
        }
        revs.mark(bad, StepMark.BAD);
        Step goodEnd = test(good, "good end", match);
        steps.add(goodEnd);
        if (goodEnd.mark() == StepMark.ABORT) return aborted(goodEnd, match, steps, badEnd, goodEnd);
        if (goodEnd.mark() == StepMark.BAD) {
            throw new KforgeException(2, "the good end " + short12(good) + " is bad too: " + goodEnd.reason(),
                    "give --good a revision that boots (an older release)");
        }
        if (goodEnd.mark() == StepMark.SKIP) {
            throw new KforgeException(2, "the good end " + short12(good) + " cannot be tested: " + goodEnd.reason(), "give --good a revision that builds and boots");
        }
        Revisions.Next next = revs.mark(good, StepMark.GOOD);
        int k = 0;
        while (next.test() != null) {
            k++;
            Step s = test(next.test(), "step " + k + " of ~" + (k + next.stepsLeft()), match);
            steps.add(s);
            if (s.mark() == StepMark.ABORT) return aborted(s, match, steps, badEnd, goodEnd);
            next = revs.mark(s.commit(), s.mark());
        }
        if (!next.onlySkipped().isEmpty()) {
            List<Revisions.Commit> c = next.onlySkipped().stream().map(revs::describe).toList();
            return new BisectReport(BisectReport.ONLY_SKIPPED, "only skipped commits are left: the first bad commit is one of "
                    + c.size(), match, badEnd, goodEnd, steps, null, null, null, c);
        }
        if (next.culprit() == null) throw new IllegalStateException("git bisect ended without a first bad commit");
        return blame(next.culprit(), match, steps, badEnd, goodEnd);
    }

    /** The culprit against its parent: byte-identical kernels are reported as such, not blamed. */
    private BisectReport blame(String culprit, BootMatch match, List<Step> steps, Step badEnd, Step goodEnd) throws InterruptedException {
        Step culpritStep = find(steps, culprit);
        String parent = revs.parent(culprit);
        Step parentStep = parent == null ? null : find(steps, parent);
        if (parent != null && parentStep == null) {
            parentStep = test(parent, "parent", match);
            steps.add(parentStep);
        } else if (parentStep != null) {
            parentStep = parentStep.as("parent");
        }
        Revisions.Commit c = revs.describe(culprit);
        if (culpritStep != null && parentStep != null && culpritStep.sha256() != null && culpritStep.sha256().equals(parentStep.sha256())) {
            return new BisectReport(BisectReport.IDENTICAL, "the kernel built at " + c.shortId() + " is byte-identical to its parent's "
                    + "(Image SHA-256 " + culpritStep.sha256() + "): the commit cannot change the boot; "
                    + "the failure came and went (try --repeat)", match, badEnd, goodEnd, steps, c, culpritStep, parentStep, null);
        }
        return new BisectReport(BisectReport.CULPRIT, null, match, badEnd, goodEnd, steps, c, culpritStep, parentStep, null);
    }

    private static BisectReport aborted(Step at, BootMatch match, List<Step> steps, Step badEnd, Step goodEnd) {
        return new BisectReport(BisectReport.ABORTED, at.shortId() + " (" + at.role() + "): " + at.reason(), match, badEnd, goodEnd,
                steps, null, null, null, null);
    }

    private static Step find(List<Step> steps, String commit) {
        for (Step s : steps) if (s.commit().equals(commit) && s.mark() != StepMark.SKIP) return s;
        return null;
    }

    private static BootMatch firstFailure(Step badEnd) {
        for (KernelBooter.Boot b : badEnd.boots()) if (!b.booted()) return BootMatch.outcomeOf(b);
        return null;
    }

    /** Builds and boots one commit (or takes its result from an earlier run) and marks it. */
    private Step test(String commit, String role, BootMatch match) throws InterruptedException {
        Step earlier = known.get(commit);
        if (earlier != null) {
            Step s = judge(earlier.as(role), match);
            progress.accept(String.format("%-14s %s  (from the state file)  %s: %s", role, s.shortId(), word(s.mark()), s.reason()));
            return s;
        }
        revs.checkout(commit);
        KernelBuilder.Built built;
        try {
            built = builder.build(commit);
        } catch (KforgeException e) {
            return done(new Step(commit, role, e.exitCode() == 2 ? StepMark.ABORT : StepMark.SKIP,
                    (e.exitCode() == 3 ? "host: " : "build: ") + e.getMessage(), 0, null, null, 0, false, e.exitCode()));
        }
        if (!built.ok()) {
            return done(new Step(commit, role, StepMark.SKIP, "build failed: " + built.error(), built.seconds(), null, null, 0, false, 0));
        }
        List<KernelBooter.Boot> boots = new ArrayList<>();
        String infra = null;
        for (int i = 1; i <= repeat; i++) {
            try {
                boots.add(booter.boot(commit, built.image(), i));
            } catch (KforgeException e) {
                if (e.exitCode() == 2) {
                    return done(new Step(commit, role, StepMark.ABORT, "boot: " + e.getMessage(), built.seconds(), built.sha256(), boots, 0, false, 2));
                }
                infra = e.getMessage();
            }
        }
        if (boots.isEmpty()) {
            return done(new Step(commit, role, StepMark.SKIP, "could not boot: " + infra, built.seconds(), built.sha256(), null, 0, false, 0));
        }
        return done(judge(new Step(commit, role, StepMark.SKIP, null, built.seconds(), built.sha256(), boots, 0, false, 0), match));
    }

    private Step done(Step s) {
        tested.accept(s);
        if (s.reason() != null) {
            progress.accept(String.format("%-14s %s  build %3.0f s  %s: %s", s.role(), s.shortId(), s.buildSeconds(), word(s.mark()), s.reason()));
        }
        return s;
    }

    /**
     * A tested commit's mark under {@code match} (null: the first failure of its own boots, for the bad end): bad when
     * the failure shows in any boot, good when one booted, else skip.
     */
    static Step judge(Step s, BootMatch given) {
        if (s.boots().isEmpty()) return s;
        BootMatch match = given != null ? given : firstFailure(s);
        if (match == null) {
            return new Step(s.commit(), s.role(), StepMark.GOOD, "booted " + s.boots().size() + " of " + s.boots().size(),
                    s.buildSeconds(), s.sha256(), s.boots(), 0, false, 0);
        }
        int n = s.boots().size();
        int matched = 0;
        int booted = 0;
        String other = null;
        for (KernelBooter.Boot b : s.boots()) {
            if (match.matches(b)) matched++;
            else if (b.booted()) booted++;
            else if (other == null) other = b.outcome();
        }
        StepMark mark;
        String reason;
        if (matched > 0) {
            mark = StepMark.BAD;
            reason = match.text() + " in " + matched + " of " + n + " boots";
        } else if (booted > 0) {
            mark = StepMark.GOOD;
            reason = "booted " + booted + " of " + n + (other != null ? "; another failure (" + other + ") in " + (n - booted) : "");
        } else {
            mark = StepMark.SKIP;
            reason = "no boot came up and none failed with " + match.text() + " (" + other + ")";
        }
        boolean flaky = (matched > 0 && matched < n) || (booted > 0 && booted < n);
        if (flaky) reason += " (flaky)";
        return new Step(s.commit(), s.role(), mark, reason, s.buildSeconds(), s.sha256(), s.boots(), matched, flaky, 0);
    }

    private static String word(StepMark m) {
        return m.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String short12(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
