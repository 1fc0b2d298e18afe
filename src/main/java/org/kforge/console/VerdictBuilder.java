package org.kforge.console;

import java.util.List;

/**
 * Picks the verdict from a boot's events: the earliest cause, not the loudest symptom.
 * <ul>
 * <li>A HIGH cause (Oops, no root, bootloader error) decides on its own; the earliest one wins.</li>
 * <li>A CONTRIBUTING cause (an mmc or network error) before it is the first bad line, and the
 *     failure it led to (the next terminal HIGH cause, or a symptom) gives the outcome; an Oops the
 *     kernel survives later on does not.</li>
 * <li>A LOW cause (a WARNING splat) decides only when nothing else failed.</li>
 * <li>An escalating symptom after the cause ("Fatal exception", "panic_on_warn set") turns the
 *     outcome into its own (panic); other symptoms ("Attempted to kill init") only decide alone.</li>
 * </ul>
 * Booted when a ready milestone came and nothing failed.
 */
public final class VerdictBuilder {
    /** A milestone whose rule says the boot reached userspace (ready: true in rules.yaml). */
    public static boolean isReady(Event e) {
        return e.rule() != null && e.rule().details().ready();
    }

    private VerdictBuilder() {
    }

    /** The event a verdict is about (its first bad line), or null for a good boot. */
    public static Event cause(List<Event> events) {
        List<Event> failures = events.stream().filter(Event::counts).toList();
        Event cause = first(failures, Rule.Severity.HIGH, Rule.Severity.CONTRIBUTING, 0);
        if (cause == null) {
            Event warning = first(failures, Rule.Severity.LOW, null, 0);
            Event symptom = symptom(failures, 0, false);
            Event escalating = warning == null ? null : symptom(failures, warning.line(), true);
            cause = escalating != null || symptom == null ? warning : symptom;
        }
        return cause;
    }

    public static Verdict decide(List<Event> events) {
        List<Event> failures = events.stream().filter(Event::counts).toList();
        Event cause = cause(events);
        String outcome = null;
        if (cause != null && cause.severity() == Rule.Severity.CONTRIBUTING) {
            int after = cause.line();
            Event decisive = failures.stream().filter(e -> e.role() == Rule.Role.CAUSE && e.terminal()
                    && e.severity() == Rule.Severity.HIGH && e.line() > after).findFirst().orElse(null);
            if (decisive == null) decisive = symptom(failures, 0, false);
            if (decisive != null) outcome = decisive.outcome();
        }
        if (cause == null) {
            // an SSH login is the strongest "ready" a boot can show; else the first one seen
            Event ready = events.stream().filter(e -> e.id().endsWith("ssh-ready")).findFirst()
                    .or(() -> events.stream().filter(VerdictBuilder::isReady).findFirst()).orElse(null);
            return new Verdict(Verdict.BOOT_OK, true, null,
                    ready == null ? "booted" : ready.title(), "", List.of());
        }
        if (outcome == null) outcome = cause.outcome();
        Event escalating = symptom(failures, cause.line(), true);
        if (escalating != null && escalating != cause) outcome = escalating.outcome();
        if (outcome == null) outcome = "panic";
        Rule rule = cause.rule();
        Event c = cause;
        List<String> fixes = rule.fixes().stream().map(f -> Template.fill(f, c.facts())).toList();
        Verdict.Line line = cause.line() > 0 ? new Verdict.Line(cause.line(), cause.text()) : null;
        return new Verdict(outcome, false, line, cause.title(), Template.fill(rule.why(), cause.facts()), fixes);
    }

    /** The first cause of one of two severities at or after a line (0: anywhere; run notes count too). */
    private static Event first(List<Event> failures, Rule.Severity a, Rule.Severity b, int after) {
        for (Event e : failures) {
            if (e.role() != Rule.Role.CAUSE || (after > 0 && e.line() > 0 && e.line() <= after)) continue;
            if (e.severity() == a || e.severity() == b) return e;
        }
        return null;
    }

    private static Event symptom(List<Event> failures, int after, boolean escalatingOnly) {
        for (Event e : failures) {
            if (e.role() != Rule.Role.SYMPTOM || (after > 0 && e.line() > 0 && e.line() < after)) continue;
            if (!escalatingOnly || e.rule().details().escalates()) return e;
        }
        return null;
    }
}
