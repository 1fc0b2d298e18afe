package org.kforge.bisect;

import java.util.List;

/**
 * How a bisection ended. {@code result} is one of: {@code culprit} (the first bad commit), {@code identical}
 * (git named a commit whose Image is byte-identical to its parent's: not blamed), {@code only-skipped} (the first bad
 * commit is one of {@code candidates}, none testable), {@code aborted} (a step could not go on: {@code reason}).
 */
public record BisectReport(String result, String reason, BootMatch match, Step badEnd, Step goodEnd, List<Step> steps,
                           Revisions.Commit culprit, Step culpritStep, Step parentStep, List<Revisions.Commit> candidates) {
    public BisectReport {
        steps = List.copyOf(steps);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public static final String CULPRIT = "culprit";
    public static final String IDENTICAL = "identical";
    public static final String ONLY_SKIPPED = "only-skipped";
    public static final String ABORTED = "aborted";

    /** The steps whose boots did not all agree (a failure that came and went). */
    public List<Step> flaky() {
        return steps.stream().filter(Step::flaky).toList();
    }

    /** 0 for a culprit, 1 when no commit can be blamed, or the exit code of what aborted the bisection. */
    public int exitCode() {
        if (CULPRIT.equals(result)) return 0;
        if (ABORTED.equals(result)) {
            for (Step s : steps) if (s.mark() == StepMark.ABORT) return s.exitCode();
        }
        return 1;
    }
}
