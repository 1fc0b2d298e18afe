package org.kforge.cli;

/** kforge's exit codes (DESIGN.md, "Exit codes"). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int TARGET_FAILED = 1;
    public static final int USAGE = 2;
    public static final int HOST_MISSING = 3;

    private ExitCode() {
    }
}
