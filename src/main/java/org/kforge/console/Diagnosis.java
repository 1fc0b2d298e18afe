package org.kforge.console;

import java.util.List;

/**
 * What the doctor found in one log: every event, the verdict, and the boots the log holds (a
 * board that resets and boots again leaves several in one capture), each with its own verdict.
 */
public record Diagnosis(String source, long bytes, int lines, List<Event> events, int droppedEvents,
                        Verdict verdict, List<Boot> boots) {

    /** One boot: its first and last line, and its verdict. */
    public record Boot(int firstLine, int lastLine, Verdict verdict) {
    }

    /** 0 for a good boot, 1 for a failure (kforge's exit codes). */
    public int exitCode() {
        return verdict.exitCode(false);
    }

    /** As {@link #exitCode()}; with {@code strict}, a booted system whose devices failed is 1 too. */
    public int exitCode(boolean strict) {
        return verdict.exitCode(strict);
    }
}
