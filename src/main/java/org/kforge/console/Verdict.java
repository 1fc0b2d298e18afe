package org.kforge.console;

import java.util.List;

/**
 * The one answer a user wants: booted, or failed with a class (outcome), the layer that failed,
 * the first bad line, why, and what to try. A booted system may still carry failures (a device
 * whose driver gave up) and notes (an error a later line showed recovered). {@code outcome} uses
 * one vocabulary for the live boot and the offline doctor.
 */
public record Verdict(String outcome, boolean booted, Line firstBadLine, String title, String cause,
                      List<String> fixes, String layer, List<Finding> failures, List<Finding> notes) {

    public Verdict {
        fixes = List.copyOf(fixes);
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }

    public Verdict(String outcome, boolean booted, Line firstBadLine, String title, String cause, List<String> fixes) {
        this(outcome, booted, firstBadLine, title, cause, fixes, null, List.of(), List.of());
    }

    /** A console line by its 1-based number. */
    public record Line(int number, String text) {
    }

    /** One failure (or cleared error) beside the verdict: what, where, why and what to try. */
    public record Finding(String id, String title, Line line, String why, List<String> fixes) {
    }

    public Verdict withTitle(String newTitle) {
        return new Verdict(outcome, booted, firstBadLine, newTitle, cause, fixes, layer, failures, notes);
    }

    public Verdict withLayer(String newLayer) {
        return new Verdict(outcome, booted, firstBadLine, title, cause, fixes, newLayer, failures, notes);
    }

    /** 0 for a booted system (with --strict, only when nothing failed either), 1 for a failure. */
    public int exitCode(boolean strict) {
        return booted && !(strict && !failures.isEmpty()) ? 0 : 1;
    }

    public static final String BOOT_OK = "boot-ok";
}
