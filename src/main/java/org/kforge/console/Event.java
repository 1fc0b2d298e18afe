package org.kforge.console;

/**
 * Something a console line showed: a milestone, a failure or a benign note, where (line number,
 * 1-based) and when (seconds since the run started, or -1 for an offline log). A cleared failure
 * was later explained away (the device came up after all, a self-test expected the report), or
 * is still waiting for the line that confirms it (confirmedBy), or never got it.
 */
public record Event(String id, Rule.Kind kind, String outcome, Rule.Role role, boolean terminal,
                    int line, String text, double seconds, String title, Rule rule, java.util.Map<String, String> facts,
                    boolean cleared) {

    public Event(String id, Rule.Kind kind, String outcome, Rule.Role role, boolean terminal, int line, String text,
                 double seconds, String title, Rule rule, java.util.Map<String, String> facts) {
        this(id, kind, outcome, role, terminal, line, text, seconds, title, rule, facts, false);
    }

    public boolean isFailure() {
        return kind == Rule.Kind.FAILURE;
    }

    /** A failure that still counts for the verdict. */
    public boolean counts() {
        return kind == Rule.Kind.FAILURE && !cleared;
    }

    public Rule.Severity severity() {
        return rule == null ? Rule.Severity.HIGH : rule.severity();
    }

    Event withTitle(String newTitle, java.util.Map<String, String> newFacts) {
        return new Event(id, kind, outcome, role, terminal, line, text, seconds, newTitle, rule, newFacts, cleared);
    }

    /** A failure that waited for confirmation (a firmware load the driver may survive) and got it. */
    Event asConfirmed() {
        return new Event(id, kind, outcome, role, terminal, line, text, seconds, title, rule, facts, false);
    }

    Event asCleared() {
        return new Event(id, kind, outcome, role, terminal, line, text, seconds, title, rule, facts, true);
    }
}
