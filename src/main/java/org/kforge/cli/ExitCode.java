package org.kforge.cli;

/** kforge's exit codes (DESIGN.md, "Exit codes"). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int TARGET_FAILED = 1;
    public static final int USAGE = 2;
    public static final int HOST_MISSING = 3;
    /** kforge itself failed (a bug): BSD sysexits' EX_SOFTWARE, apart from the user's, the host's and the target's. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
