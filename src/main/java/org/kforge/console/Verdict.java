package org.kforge.console;

import java.util.List;

/**
 * The one answer a user wants: booted, or failed with a class (outcome), the first bad line, why,
 * and what to try. {@code outcome} uses one vocabulary with the offline doctor.
 */
public record Verdict(String outcome, boolean booted, Line firstBadLine, String title, String cause,
                      List<String> fixes) {

    /** A console line by its 1-based number. */
    public record Line(int number, String text) {
    }

    public static final String BOOT_OK = "boot-ok";
}
