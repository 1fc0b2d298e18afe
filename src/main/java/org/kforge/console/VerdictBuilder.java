package org.kforge.console;

import java.util.List;
import java.util.Set;

/**
 * Picks the verdict from a boot's events: the earliest cause, not the loudest symptom
 * ("Attempted to kill init" only when nothing explains it); booted when a ready milestone came
 * and nothing failed.
 */
public final class VerdictBuilder {
    private static final Set<String> READY = Set.of("ready", "login-prompt", "ssh-ready");

    private VerdictBuilder() {
    }

    /** The event a verdict is about: the earliest cause, else the earliest symptom, else null. */
    public static Event cause(List<Event> events) {
        return events.stream().filter(e -> e.isFailure() && e.role() == Rule.Role.CAUSE).findFirst()
                .orElseGet(() -> events.stream().filter(Event::isFailure).findFirst().orElse(null));
    }

    public static Verdict decide(List<Event> events) {
        Event cause = cause(events);
        if (cause == null) {
            // an SSH login is the strongest "ready" a boot can show; else the first one seen
            Event ready = events.stream().filter(e -> e.id().equals("ssh-ready")).findFirst()
                    .or(() -> events.stream().filter(e -> READY.contains(e.id())).findFirst()).orElse(null);
            return new Verdict(Verdict.BOOT_OK, true, null,
                    ready == null ? "booted" : ready.title(), "", List.of());
        }
        Rule rule = cause.rule();
        List<String> fixes = rule.fixes().stream().map(f -> Template.fill(f, cause.facts())).toList();
        Verdict.Line line = cause.line() > 0 ? new Verdict.Line(cause.line(), cause.text()) : null;
        return new Verdict(cause.outcome(), false, line, cause.title(), Template.fill(rule.why(), cause.facts()), fixes);
    }
}
