package org.kforge.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import org.kforge.KforgeException;
import org.kforge.TerminalText;

/**
 * Many inputs in one invocation (a script pays the JVM start once): each is handled on its own; one
 * that cannot be (no such file, not a DTB, no such device) is one line on stderr naming it and the
 * fix, the rest go on, and the exit code says so at the end. A single input fails as any command does.
 */
final class EachInput {
    private final PrintWriter err;
    private final boolean many;
    private int worst = ExitCode.OK;

    EachInput(PrintWriter err, int inputs) {
        this.err = err;
        this.many = inputs > 1;
    }

    /** What {@code work} gives for {@code input}, or null when it failed (the line is printed). */
    <T> T run(String input, Supplier<T> work) {
        if (!many) return work.get();
        try {
            return work.get();
        } catch (KforgeException e) {
            String message = e.getMessage().contains(input) ? e.getMessage() : input + ": " + e.getMessage();
            err.println("kforge: " + TerminalText.visible(message) + (e.hint() == null ? "" : " (fix: " + TerminalText.visible(e.hint()) + ")"));
            err.flush();
            worst = Math.max(worst, e.exitCode());
            return null;
        }
    }

    /** The exit code of the whole invocation: the command's own, or the worst failure's if that is higher. */
    int exitCode(int own) {
        return Math.max(own, worst);
    }

    /** True when an input failed. */
    boolean anyFailed() {
        return worst != ExitCode.OK;
    }
}
