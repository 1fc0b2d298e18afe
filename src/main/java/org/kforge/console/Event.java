package org.kforge.console;

/**
 * Something a console line showed: a milestone or a failure, where (line number, 1-based) and when
 * (seconds since the run started, or -1 for an offline log).
 */
public record Event(String id, Rule.Kind kind, String outcome, Rule.Role role, boolean terminal,
                    int line, String text, double seconds, String title, Rule rule, java.util.Map<String, String> facts) {

    public boolean isFailure() {
        return kind == Rule.Kind.FAILURE;
    }
}
