package org.kforge;

/**
 * A failure a user can act on: one line, a hint that names the fix, and the exit code of its kind.
 * Use the factories: the user's mistake ({@link #badInput}), the host's lack ({@link #hostMissing}).
 */
public class KforgeException extends RuntimeException {
    private final int exitCode;
    private final String hint;

    public KforgeException(int exitCode, String message, String hint) {
        super(message);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public KforgeException(int exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    /** Bad usage or bad input: exit 2. */
    public static KforgeException badInput(String message, String hint) {
        return new KforgeException(2, message, hint);
    }

    /** The host lacks a program, package or permission: exit 3, and the hint names the package. */
    public static KforgeException hostMissing(String message, String hint) {
        return new KforgeException(3, message, hint);
    }

    public int exitCode() {
        return exitCode;
    }

    public String hint() {
        return hint;
    }
}
