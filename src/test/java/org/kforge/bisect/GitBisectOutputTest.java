package org.kforge.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** git 2.39's own words after good/bad/skip (LC_ALL=C), as GitBisect reads them. */
class GitBisectOutputTest {
    private static final String A = "0123456789abcdef0123456789abcdef01234567";
    private static final String B = "89abcdef0123456789abcdef0123456789abcdef";

    @Test
    void theNextCommitWithGitsEstimate() {
        Revisions.Next n = GitBisectOutput.read("Bisecting: 3 revisions left to test after this (roughly 2 steps)\n[" + A + "] init: the fourth\n");
        assertThat(n.test()).isEqualTo(A);
        assertThat(n.stepsLeft()).isEqualTo(2);
        assertThat(GitBisectOutput.read("Bisecting: 0 revisions left to test after this (roughly 0 steps)\n[" + B + "] x\n").stepsLeft()).isZero();
    }

    @Test
    void theFirstBadCommit() {
        Revisions.Next n = GitBisectOutput.read(A + " is the first bad commit\ncommit " + A + "\nAuthor: A <a@b>\n\n    init: panic\n");
        assertThat(n.culprit()).isEqualTo(A);
        assertThat(n.done()).isTrue();
    }

    @Test
    void onlySkippedCommitsLeft() {
        Revisions.Next n = GitBisectOutput.read("There are only 'skip'ped commits left to test.\nThe first bad commit could be any of:\n"
                + A + "\n" + B + "\nWe cannot bisect more!\n");
        assertThat(n.onlySkipped()).containsExactly(A, B);
    }

    @Test
    void waitingAndUnknown() {
        assertThat(GitBisectOutput.read("status: waiting for good commit(s), bad commit known\n").done()).isFalse();
        assertThat(GitBisectOutput.read("fatal: something else")).isNull();
    }
}
