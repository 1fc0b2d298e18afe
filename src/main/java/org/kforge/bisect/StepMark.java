package org.kforge.bisect;

/**
 * What one bisection step says of a commit, with the exit code {@code git bisect run} gives it
 * (Documentation/git-bisect.txt, "bisect run"): 0 good, 125 skip, 1-127 but 125 bad, anything else abort.
 */
public enum StepMark {
    GOOD(0), SKIP(125), BAD(1), ABORT(128);

    private final int exitCode;

    StepMark(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The exit code a {@code git bisect run} script would give for this mark. */
    public int exitCode() {
        return exitCode;
    }

    /** A {@code git bisect run} script's exit code read as git reads it. */
    public static StepMark ofExitCode(int rc) {
        if (rc == 0) return GOOD;
        if (rc == 125) return SKIP;
        if (rc >= 1 && rc <= 127) return BAD;
        return ABORT;
    }

    /** The word {@code git bisect} takes for this mark (good, bad, skip); ABORT has none. */
    public String gitWord() {
        if (this == ABORT) throw new IllegalStateException("an aborted step is not marked in git");
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
