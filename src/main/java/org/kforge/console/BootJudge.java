package org.kforge.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one verdict engine: console lines in, clock ticks in, a verdict out. A live boot feeds it
 * lines as they come and ticks while it waits (no console, a hang, the time limit); an offline log
 * is a replay without a clock. Both end the same way, so the same log gives the same verdict.
 * <p>
 * Around the line rules it keeps what only a run can say: where a log's boots begin (a firmware
 * banner, a second kernel banner: rules marked new-boot and kernel), whether the kernel spoke after
 * the bootloader handed over (handoff) and dom0 after a hypervisor gave it the console
 * (guest-handoff), and at the end whether the boot reached userspace at all. Lines printed by
 * another source (a hypervisor's "(XEN)" lines, console/rules.yaml sources) are not the kernel
 * speaking. Thread-safe: a live console feeds it from its reader thread, the clock from another.
 */
public final class BootJudge {
    /** Limits of a live boot in seconds since it started; an offline replay has none. */
    public record Clock(double silence, double hang, double timeout) {
        public static final Clock NONE = new Clock(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private final RuleBook rules;
    private final ConsoleWatcher watcher;
    private final Clock clock;
    private final ByteLine view = new ByteLine();
    private final List<int[]> bootRanges = new ArrayList<>();
    private int segmentStart = 1;
    private boolean kernelInSegment;
    private boolean bannerInSegment;
    private boolean kernelAnywhere;
    private boolean firmwareSeen;
    private boolean userspace;
    private boolean ownLineSeen;
    private ConsoleSource otherSource;
    private Event handoff;
    private int spokenSinceHandoff;
    /** A hypervisor spoke after the bootloader's hand-over (its lines or milestones): what was started runs. */
    private boolean hypervisorSinceHandoff;
    private Event guestHandoff;
    private boolean guestSpoke;

    private static final String KERNEL = Rule.Layer.KERNEL.label();
    private static final String DOM0_KERNEL = VerdictBuilder.DOM0_KERNEL;

    private BootJudge(RuleBook rules, Map<String, String> facts, Clock clock) {
        this.rules = rules;
        this.watcher = new ConsoleWatcher(rules, facts);
        this.clock = clock;
    }

    /** A live boot: the boot's facts (console, root device...) fill the rules' templates. */
    public static BootJudge live(RuleBook rules, Map<String, String> facts, Clock clock) {
        return new BootJudge(rules, facts, clock);
    }

    /** An offline log: no facts of a profile, no clock. */
    public static BootJudge replay() {
        return new BootJudge(RuleBook.builtIn(), Map.of(), Clock.NONE);
    }

    /** Whether a line of the first 160 bytes looks like a console message: "[ time] ..." or "who: what". */
    private static boolean messageShaped(byte[] b, int start, int end) {
        int n = Math.min(end, start + 160);
        int i = start;
        while (i < n && b[i] == ' ') i++;
        if (i < n && b[i] == '[') return true;
        for (int k = i; k + 1 < n; k++) {
            if (b[k] == ':' && b[k + 1] == ' ') return true;
        }
        return false;
    }

    private boolean messageShaped;

    /** One console line as it came (a live console), with its time since the start. */
    public synchronized void line(String raw, double seconds) {
        if (!raw.isBlank()) heard(rules.sourceOf(raw));
        if (!messageShaped) {
            byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
            messageShaped = messageShaped(b, 0, b.length);
        }
        accept(raw, seconds);
    }

    /**
     * One line of a replayed log, still in its read buffer: most lines never become a String. The caller
     * holds this judge's lock for the whole log ({@link LogDoctor}): a lock a line costs more than most lines.
     */
    void line(byte[] buf, int start, int end, boolean control) {
        assert Thread.holdsLock(this);
        view.set(buf, start, end);
        if (!view.isBlank(0)) heard(rules.sourceOf(buf, start, end));
        if (!messageShaped) messageShaped = messageShaped(buf, start, end);
        int taken = watcher.skip(view, control);
        if (taken == 2) kernelSpoke();
        else if (taken == 0) accept(new String(buf, start, end - start, StandardCharsets.ISO_8859_1), -1);
    }

    /**
     * The clock of a live boot: {@code now} seconds since the start, {@code quietFor} seconds since
     * the last byte of output (negative: none yet). Notes no-console, hang or timeout when a limit
     * passed; returns the terminal event (the boot is over) or null.
     */
    public synchronized Event tick(double now, double quietFor) {
        return tick(now, now, quietFor);
    }

    /**
     * A clock tick of a live boot: {@code now} on the wall clock (when events happened), {@code twinNow} and
     * {@code quietFor} in the twin's own time, which leaves out what the twin waited for a busy host's cores:
     * silence, hang and the boot's --timeout are counted in it.
     */
    public synchronized Event tick(double now, double twinNow, double quietFor) {
        if (watcher.terminal() != null) return watcher.terminal();
        if (!ownLineSeen && twinNow >= clock.silence()) {
            noConsole(now, clock.silence());
        } else if (quietFor >= clock.hang()) {
            watcher.note("hang", now, Map.of("quiet", seconds(clock.hang())));
        } else if (twinNow >= clock.timeout()) {
            watcher.note("timeout", now, Map.of("timeout", seconds(clock.timeout())));
        }
        return watcher.terminal();
    }

    /** The first terminal event, or null while the boot can go on. */
    public Event terminal() {
        return watcher.terminal();
    }

    /** The watcher under the judge, for milestones only the run sees (ssh-ready, a command's exit). */
    public ConsoleWatcher watcher() {
        return watcher;
    }

    public String lastMessage() {
        return watcher.lastMessage();
    }

    /** True once a line that no other source printed came (the kernel, or userspace, spoke). */
    public synchronized boolean ownLineSeen() {
        return ownLineSeen;
    }

    /** A non-blank line from a source (a hypervisor), or from the kernel or userspace (null). */
    private void heard(ConsoleSource source) {
        if (source != null) {
            otherSource = source;
            if (source.layer() == Rule.Layer.HYPERVISOR) hypervisorSinceHandoff = true;
            return;
        }
        ownLineSeen = true;
        if (guestHandoff != null) guestSpoke = true;
    }

    private void kernelSpoke() {
        kernelInSegment = true;
        kernelAnywhere = true;
        spokenSinceHandoff++;
    }

    private void accept(String raw, double seconds) {
        List<Event> found = watcher.accept(raw, seconds);
        int line = watcher.lines();
        boolean kernelLine = watcher.lastTimestamped();
        for (Event e : found) {
            Rule r = e.rule();
            String marks = r == null ? null : r.details().marks();
            if (marks != null) {
                switch (marks) {
                    case "new-boot" -> {
                        if (kernelInSegment || handoff != null) newBoot(line);
                        firmwareSeen = true;
                    }
                    case "kernel" -> {
                        if (bannerInSegment) newBoot(line);
                        bannerInSegment = true;
                        kernelLine = true;
                    }
                    case "guest-handoff" -> {
                        guestHandoff = e;
                        guestSpoke = false;
                    }
                    case "handoff" -> {
                        handoff = e;
                        spokenSinceHandoff = 0;
                        hypervisorSinceHandoff = false;
                    }
                    default -> throw new IllegalStateException("rule " + e.id() + " marks " + marks + ": unknown mark");
                }
            }
            if (e.kind() == Rule.Kind.MILESTONE && r != null && r.layer() == Rule.Layer.USERSPACE) userspace = true;
            if (e.kind() == Rule.Kind.MILESTONE && r != null && r.layer() == Rule.Layer.HYPERVISOR) hypervisorSinceHandoff = true;
        }
        if (kernelLine) kernelSpoke();
    }

    private void newBoot(int line) {
        closeSegment(line - 1);
        watcher.newBoot();
        segmentStart = line;
        kernelInSegment = false;
        bannerInSegment = false;
        handoff = null;
    }

    private void closeSegment(int lastLine) {
        if (guestHandoff != null && !guestSpoke && !hypervisorStoppedAfter(guestHandoff.line())) {
            watcher.note("dom0-silent", guestHandoff.line(), guestHandoff.text(), -1, Map.of());
        }
        guestHandoff = null;
        if (handoff != null && spokenSinceHandoff < 2 && !hypervisorSinceHandoff) {
            watcher.note("silent-after-bootloader", handoff.line(), handoff.text(), -1, Map.of());
        }
        bootRanges.add(new int[] {segmentStart, Math.max(segmentStart, lastLine), kernelInSegment ? 1 : 0});
    }

    /** The hypervisor itself stopped after this line (a terminal failure of its layer): dom0's silence is explained. */
    private boolean hypervisorStoppedAfter(int line) {
        return watcher.events().stream().anyMatch(e -> e.isFailure() && e.terminal() && e.line() > line
                && e.rule() != null && e.rule().layer() == Rule.Layer.HYPERVISOR);
    }

    /** Silence on the clock: pinned to the last handover (the bootloader's, or the hypervisor's to dom0) if any. */
    private void noConsole(double t, double silence) {
        Map<String, String> f = watcher.facts();
        String asked = f.get("cmdlineConsole");
        String own = f.get("console");
        boolean wrong = asked != null && !asked.isEmpty() && !asked.split(",")[0].equals(own);
        Event last = guestHandoff != null ? guestHandoff : handoff;
        watcher.note(wrong ? "no-console-wrong-device" : "no-console", last == null ? 0 : last.line(),
                last == null ? null : last.text(), t, Map.of("silence", seconds(silence)));
    }

    /**
     * The input ended. {@code machineStopped}: the machine itself stopped (a live boot whose QEMU
     * exited) rather than a capture that ends, so a boot short of ready is incomplete.
     * {@code seconds}: when (-1 offline). Returns the whole judgement.
     */
    public synchronized Diagnosis end(String source, long bytes, double seconds, boolean machineStopped) {
        boolean quietEnd = !userspace && kernelAnywhere;
        if (watcher.terminal() == null && machineStopped && !ownLineSeen) noConsole(seconds, seconds);
        closeSegment(watcher.lines());
        boolean failed = watcher.events().stream().anyMatch(Event::counts);
        boolean ready = watcher.events().stream().anyMatch(VerdictBuilder::isReady);
        if (machineStopped && watcher.terminal() == null && !ready) {
            watcher.note("incomplete", seconds, Map.of());
        } else if (!failed && !ownLineSeen && otherSource != null) {
            watcher.note("kernel-silent", -1, Map.of("source", otherSource.name()));
        } else if (!failed && !userspace) {
            if (watcher.lastMessage().isEmpty()) watcher.note("empty-log", -1, Map.of());
            else if (!kernelAnywhere && firmwareSeen) watcher.note("no-kernel", -1, Map.of());
            // no firmware, no hand-over, no kernel banner and nothing failed: an excerpt of a running system,
            // if its lines look like messages at all ("[ time]" or "device: text"); else it is no console log
            else if (!kernelAnywhere && !messageShaped) watcher.note("incomplete", -1, Map.of());
        }
        List<Event> events = watcher.events();
        Verdict verdict = VerdictBuilder.decide(events);
        // dom0's lines may come before any of the hypervisor's (a capture started late): its lines anywhere say so
        if (otherSource != null && otherSource.layer() == Rule.Layer.HYPERVISOR && KERNEL.equals(verdict.layer())) {
            verdict = verdict.withLayer(DOM0_KERNEL);
        }
        if (verdict.booted() && !machineStopped && !kernelAnywhere && !firmwareSeen && verdict.failures().isEmpty()
                && messageShaped) {
            verdict = verdict.withTitle("no failure found (an excerpt of a running system's log: no boot starts in it)");
        } else if (verdict.booted() && quietEnd && verdict.failures().isEmpty()) {
            verdict = verdict.withTitle("no failure found (the log ends before userspace: " + watcher.lastMessage().strip() + ")");
        }
        return new Diagnosis(source, bytes, watcher.lines(), events, watcher.dropped(), verdict, boots(events));
    }

    /** Each boot's verdict from its own events (events are in line order; run notes, line 0, go to the last boot). */
    private List<Diagnosis.Boot> boots(List<Event> events) {
        List<Diagnosis.Boot> boots = new ArrayList<>();
        List<Event> notes = events.stream().filter(e -> e.line() == 0).toList();
        int next = 0;
        for (int i = 0; i < bootRanges.size(); i++) {
            int[] r = bootRanges.get(i);
            List<Event> mine = new ArrayList<>();
            while (next < events.size() && events.get(next).line() > 0 && events.get(next).line() < r[0]) next++;
            while (next < events.size() && events.get(next).line() > 0 && events.get(next).line() <= r[1]) mine.add(events.get(next++));
            if (i == bootRanges.size() - 1) mine.addAll(notes);
            Verdict v = VerdictBuilder.decide(mine);
            if (v.booted() && r[2] == 0) {
                v = new Verdict("incomplete", false, null, "no kernel output in this part of the log", "", List.of());
            }
            boots.add(new Diagnosis.Boot(r[0], r[1], v));
        }
        return boots;
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : String.format("%.1f", s);
    }
}
