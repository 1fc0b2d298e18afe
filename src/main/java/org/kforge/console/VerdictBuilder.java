package org.kforge.console;

import java.util.List;

/**
 * Picks the verdict from a boot's events: the earliest cause, not the loudest symptom.
 * <ul>
 * <li>A HIGH cause (Oops, no root, bootloader error) decides on its own; the earliest one wins.</li>
 * <li>A CONTRIBUTING cause (an mmc or network error) before it is the first bad line, and the
 *     failure it led to (the next terminal HIGH cause, tasks hung behind it, or a symptom) gives the
 *     outcome; an Oops the kernel survives later on does not.</li>
 * <li>A LOW cause (a WARNING splat) decides only when nothing else failed.</li>
 * <li>An escalating symptom after the cause ("Fatal exception", "panic_on_warn set") turns the
 *     outcome into its own (panic); other symptoms ("Attempted to kill init") only decide alone.</li>
 * </ul>
 * Booted when a ready milestone came and nothing but CONTRIBUTING failures (a device, a link, a
 * firmware file) counts: then the boot reached userspace and the verdict lists what failed all
 * the same, the first of them giving outcome and first bad line. Booted too, with the failure's own
 * outcome (an Oops, a WARNING, an OOM kill), when nothing terminal followed and the system went on:
 * it reached userspace, or the line was written by a running system's logger, or all that failed was
 * a WARNING. Failures that a later line cleared (or never confirmed) are notes.
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
        if (cause == null) cause = first(failures, Rule.Severity.DEVICE, null, 0);
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
            // else one the kernel survives whose rule says it decides all the same (rules.yaml decisive: a hang)
            if (decisive == null) {
                decisive = failures.stream().filter(e -> e.role() == Rule.Role.CAUSE && e.severity() == Rule.Severity.HIGH
                        && decides(e) && e.line() > after).findFirst().orElse(null);
            }
            if (decisive == null) decisive = symptom(failures, 0, false);
            if (decisive != null) outcome = decisive.outcome();
        }
        // an SSH login is the strongest "ready" a boot can show; else the first one seen
        Event ready = events.stream().filter(e -> e.id().endsWith("ssh-ready")).findFirst()
                .or(() -> events.stream().filter(VerdictBuilder::isReady).findFirst()).orElse(null);
        List<Verdict.Finding> notes = notes(events);
        if (cause == null) {
            return new Verdict(Verdict.BOOT_OK, true, null,
                    ready == null ? "booted" : ready.title(), "", List.of(), null, List.of(), notes);
        }
        // a log with no start of a boot at all (no firmware, no handover, no kernel banner) is an
        // excerpt of a running system's dmesg: failures of its parts (outcome device-error) did not stop it
        boolean noBootStart = ready == null && events.stream().noneMatch(e -> e.rule() != null && e.rule().details().marks() != null);
        boolean excerpt = noBootStart && failures.stream().allMatch(e -> DEVICE_ERROR.equals(e.outcome()));
        boolean survived = failures.stream().noneMatch(Event::terminal);
        if ((ready != null || excerpt) && survived && failures.stream().allMatch(e
                -> e.severity() == Rule.Severity.CONTRIBUTING || e.severity() == Rule.Severity.DEVICE)) {
            return bootedWithFailures(ready, failures, notes, events);
        }
        // the system went on after the failure: it reached userspace, or a running system's logger wrote
        // the line, or all that failed was a WARNING the kernel printed and went past, or the log is an excerpt
        // of a running system's dmesg (no boot starts in it) whose failures the kernel survived and that
        // did not leave it stuck (no decisive failure: a hang)
        boolean warningsOnly = failures.stream().allMatch(e -> e.severity() == Rule.Severity.LOW || e.severity() == Rule.Severity.DEVICE);
        boolean runningExcerpt = noBootStart && failures.stream().allMatch(e -> e.role() == Rule.Role.CAUSE && !decides(e)
                && e.rule() != null && e.rule().layer() == Rule.Layer.KERNEL
                && (OOPS.equals(e.outcome()) || e.severity() == Rule.Severity.LOW || e.severity() == Rule.Severity.DEVICE));
        if (survived && outcome == null
                && (ready != null || JOURNALED.matcher(cause.text()).lookingAt() || warningsOnly || runningExcerpt)) {
            Verdict.Finding f = finding(cause);
            return new Verdict(cause.outcome(), true, f.line(), f.title(), f.why(), f.fixes(), layer(cause, events),
                    failures.stream().map(VerdictBuilder::finding).toList(), notes);
        }
        if (outcome == null) outcome = cause.outcome();
        Event escalating = symptom(failures, cause.line(), true);
        if (escalating != null && escalating != cause) outcome = escalating.outcome();
        if (outcome == null) outcome = "panic";
        Verdict.Finding f = finding(cause);
        return new Verdict(outcome, false, f.line(), f.title(), f.why(), f.fixes(), layer(cause, events), List.of(), notes);
    }

    /** The boot reached userspace (or the log is an excerpt of a running system), and these devices or subsystems failed. */
    private static Verdict bootedWithFailures(Event ready, List<Event> failures, List<Verdict.Finding> notes, List<Event> events) {
        List<Verdict.Finding> all = failures.stream().map(VerdictBuilder::finding).toList();
        Verdict.Finding first = all.get(0);
        String how = ready == null ? "running (an excerpt of its log)" : "booted (" + ready.title() + ")";
        String title = how + ", but " + (all.size() == 1 ? first.title() : all.size() + " failures (the first: " + first.title() + ")");
        return new Verdict(DEVICE_ERROR, true, first.line(), title, first.why(), first.fixes(),
                layer(failures.get(0), events), all, notes);
    }

    /** A line a running system's logger wrote (syslog or the journal: "Feb 10 22:50:08 host kernel: "). */
    private static final java.util.regex.Pattern JOURNALED =
            java.util.regex.Pattern.compile("[A-Z][a-z]{2} [ 0-3]?[0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9] \\S+ kernel: ");

    /** The layer of a kernel failure under a hypervisor. */
    static final String DOM0_KERNEL = "dom0 kernel";

    /** The outcome of a crash the kernel survives (it kills the task and goes on): a running system stays up. */
    static final String OOPS = "oops";

    /** The outcome of a system that runs with failed parts. */
    static final String DEVICE_ERROR = "device-error";

    /** Notes: failures a later line cleared or never confirmed, at most {@link #MAX_NOTES}. */
    private static List<Verdict.Finding> notes(List<Event> events) {
        return events.stream().filter(e -> e.isFailure() && e.cleared()).limit(MAX_NOTES).map(VerdictBuilder::finding).toList();
    }

    static final int MAX_NOTES = 20;

    /** An event as a finding: its title, line, why and fixes with the event's facts filled in. */
    static Verdict.Finding finding(Event e) {
        Rule rule = e.rule();
        List<String> fixes = rule.fixes().stream().map(f -> Template.fill(f, e.facts())).toList();
        Verdict.Line line = e.line() > 0 ? new Verdict.Line(e.line(), e.text()) : null;
        return new Verdict.Finding(e.id(), e.title(), line, Template.fill(rule.why(), e.facts()), fixes);
    }

    /**
     * The layer a cause belongs to, from its rule: "hypervisor (Xen)" with the name of the source
     * that printed it; a kernel failure after a hypervisor's milestone is the dom0 kernel's.
     */
    static String layer(Event cause, List<Event> events) {
        Rule.Layer l = cause.rule() == null ? Rule.Layer.KERNEL : cause.rule().layer();
        if (l == Rule.Layer.HYPERVISOR) {
            String who = cause.facts().get("source");
            return who == null ? l.label() : l.label() + " (" + who + ")";
        }
        if (l != Rule.Layer.KERNEL) return l.label();
        boolean underHypervisor = events.stream().anyMatch(e -> e.rule() != null && e.rule().layer() == Rule.Layer.HYPERVISOR
                && !e.isFailure() && (cause.line() == 0 || e.line() > 0 && e.line() < cause.line()));
        return underHypervisor ? DOM0_KERNEL : l.label();
    }

    /** A failure the kernel survives that still decides what a contributing cause led to (rules.yaml decisive). */
    private static boolean decides(Event e) {
        return e.rule() != null && e.rule().details().decisive();
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
