package org.kforge.report;

import org.kforge.console.Event;

/**
 * An event as a report shows it: a milestone or a failure, its time in a live boot (-1 in a saved log),
 * its console line (0 for a run's own note: the clock ran out) and that line's text.
 */
public record Mark(String id, String title, double seconds, int line, String text, boolean failure, boolean cleared) {
    public static Mark of(Event e) {
        return new Mark(e.id(), e.title(), e.seconds(), e.line(), e.text(), e.isFailure(), e.cleared());
    }

    /** The kernel's own time on the line ("[    1.411686] ..."), or -1. */
    public double kernelSeconds() {
        if (text == null) return -1;
        java.util.regex.Matcher m = KERNEL_TIME.matcher(text);
        return m.lookingAt() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static final java.util.regex.Pattern KERNEL_TIME = java.util.regex.Pattern.compile("\\s*(?:\\(XEN\\) )?\\[\\s*(\\d{1,9}\\.\\d{1,9})\\]");
}
