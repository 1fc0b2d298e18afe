package org.kforge.console;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The detector engine: reads console lines one by one and turns them into events. The same engine
 * serves a live boot (with times) and an offline log (times -1). Facts of the boot (the profile's
 * console and root device...) fill the rules' templates. A crash's title waits for its call trace;
 * a failure a later line explains away (clearedBy, a self-test context) is kept but cleared.
 * Thread-safe: a live console feeds it from its reader thread while the clock is watched from another.
 */
public final class ConsoleWatcher {
    /** Events kept in memory; a 1 GB log of repeated crashes must not fill the heap. */
    static final int MAX_EVENTS = 5000;
    private static final int MAX_OPEN = 8;
    /** How far a confirming line may follow (a driver reports its failed probe soon after the firmware load). */
    static final int CONFIRM_LINES = 400;

    /** An event waiting for a line: {@code confirms} turns it into a failure, else it clears it; until a line number. */
    private record Pending(int index, java.util.regex.Pattern pattern, List<String> literals, boolean confirms, int untilLine) {
    }

    private final RuleBook rules;
    private final Map<String, String> facts;
    private final List<Event> events = new ArrayList<>();
    private final List<CrashReport> open = new ArrayList<>();
    /** Lines a later line may still clear (clearedBy) or confirm (confirmedBy). */
    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> contexts = new HashSet<>();
    private final BitSet hits = new BitSet();
    private int lineNumber;
    private int dropped;
    private String lastPrintable;
    private int lastStart;
    private byte[] lastSkipped = new byte[256];
    private int lastSkippedLength = -1;
    private boolean lastTimestamped;
    /** What {@link #skip} found on the line it left to {@link #accept}: where its message starts (-1: it did not look), and whether a rule may match. */
    private int prescanStart = -1;
    private int prescanStamp;
    private boolean prescanCandidates;
    private Event terminal;

    public ConsoleWatcher(RuleBook rules, Map<String, String> facts) {
        this.rules = rules;
        this.facts = Map.copyOf(facts);
    }

    /** Reads one line (without its newline); returns the events it produced, if any. */
    public synchronized List<Event> accept(String rawLine, double seconds) {
        lineNumber++;
        // skip() already looked at this line's bytes (no control bytes there: the same text): reuse what it found
        int scanned = prescanStart;
        prescanStart = -1;
        String printable = scanned >= 0 ? rawLine : ConsoleText.printable(rawLine);
        int stamp = scanned >= 0 ? prescanStamp : ConsoleText.timestampEnd(printable);
        int start = scanned >= 0 ? scanned : stamp > 0 ? stamp : ConsoleText.quoteIndent(printable);
        lastTimestamped = stamp > 0;
        int n = printable.length();
        int i = start;
        while (i < n && Character.isWhitespace(printable.charAt(i))) i++;
        if (i == n) return List.of();
        lastPrintable = printable;
        lastStart = start;
        lastSkippedLength = -1;
        // the cheap look first: most lines hold no rule's literal and no report or clearer waits
        boolean candidates = scanned >= 0 ? prescanCandidates : rules.candidates(printable, start, hits);
        if (!candidates && open.isEmpty() && pending.isEmpty()) return List.of();
        String message = printable.substring(start);
        if (!open.isEmpty()) feedReports(message);
        if (!pending.isEmpty()) settle(message);
        if (!candidates) return List.of();
        return match(rawLine, message, seconds);
    }

    /** The rules the prefilter left (in {@link #hits}) against the message: the first that matches makes the event. */
    private List<Event> match(String rawLine, String message, double seconds) {
        List<Rule> all = rules.rules();
        for (int r = hits.nextSetBit(0); r >= 0; r = hits.nextSetBit(r + 1)) {
            Rule rule = all.get(r);
            Matcher m = rule.match(message);
            if (m == null) continue;
            if (rule.details().orphan() && !open.isEmpty()) return List.of();
            if (rule.details().opens() != null) contexts.add(rule.details().opens());
            if (rule.details().closes() != null) contexts.remove(rule.details().closes());
            if (rule.kind() == Rule.Kind.IGNORE) return List.of();
            return List.of(record(rule, m, rawLine, message, seconds));
        }
        return List.of();
    }

    // two methods, so that the one a long log runs for every match past the cap stays small for the JIT
    private Event record(Rule rule, Matcher m, String rawLine, String message, double seconds) {
        if (events.size() < MAX_EVENTS) return keep(rule, m, rawLine, message, seconds);
        // not kept: only what the caller (boot splitting, the first terminal line) needs
        dropped++;
        Event e = new Event(rule.id(), rule.kind(), rule.outcome(), rule.role(), rule.terminal(), lineNumber,
                rawLine, seconds, rule.title(), rule, Map.of());
        if (e.terminal() && terminal == null) terminal = e;
        return e;
    }

    private Event keep(Rule rule, Matcher m, String rawLine, String message, double seconds) {
        Map<String, String> f = new HashMap<>(facts);
        f.put("match0", m.group());
        for (int g = 1; g <= m.groupCount(); g++) f.put("match" + g, m.group(g) == null ? "" : m.group(g));
        if (rule.kind() == Rule.Kind.FAILURE) {
            String errno = Errno.inLine(message);
            if (errno != null) f.put("errno", errno);
            ConsoleSource source = rules.sourceOf(message);
            if (source != null) f.put("source", source.name());
        }
        Event e = new Event(rule.id(), rule.kind(), rule.outcome(), rule.role(), rule.terminal(), lineNumber,
                rawLine, seconds, Template.fill(rule.title(), f), rule, Map.copyOf(f));
        String expected = rule.details().expectedIn();
        if (expected != null && contexts.contains(expected)) e = e.asCleared();
        java.util.regex.Pattern confirmer = rule.details().confirmedBy(f);
        if (confirmer != null) e = e.asCleared(); // a note until a later line confirms it
        if (e.terminal() && terminal == null && !e.cleared()) terminal = e;
        events.add(e);
        int index = events.size() - 1;
        if (rule.details().tracesCulprit() && open.size() < MAX_OPEN) open.add(new CrashReport(index, rule, m));
        if (confirmer != null) {
            // a second try for the same device (board-specific name, then generic) supersedes the first
            pending.removeIf(p -> p.confirms() && p.pattern().pattern().equals(confirmer.pattern()));
            if (pending.size() < MAX_OPEN) {
                pending.add(new Pending(index, confirmer, LiteralScan.requiredLiterals(confirmer.pattern()), true,
                        lineNumber + CONFIRM_LINES));
            }
        } else if (rule.details().clearedBy() != null && !e.cleared() && pending.size() < MAX_OPEN) {
            java.util.regex.Pattern p = rule.details().clearedBy(f);
            pending.add(new Pending(index, p, LiteralScan.requiredLiterals(p.pattern()), false, Integer.MAX_VALUE));
        }
        return e;
    }

    private void feedReports(String message) {
        for (int i = open.size() - 1; i >= 0; i--) {
            CrashReport r = open.get(i);
            if (!r.add(message)) {
                open.remove(i);
                events.set(r.eventIndex, resolve(r));
            }
        }
    }

    private void settle(String message) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            Pending p = pending.get(i);
            if (lineNumber > p.untilLine()) {
                pending.remove(i);
                continue;
            }
            if (p.literals() != null && p.literals().stream().noneMatch(message::contains)) continue;
            if (p.pattern().matcher(message).find()) {
                Event e = events.get(p.index());
                events.set(p.index(), p.confirms() ? e.asConfirmed() : e.asCleared());
                pending.remove(i);
            }
        }
    }

    private Event resolve(CrashReport r) {
        Event e = events.get(r.eventIndex);
        Map<String, String> f = r.facts(e.facts(), rules.frameSkip());
        return e.withTitle(Template.fill(e.rule().title(), f), Map.copyOf(f));
    }

    /**
     * A run-level finding that no line shows (no-console, hang, timeout, incomplete), added by whoever
     * watches the clock or reaches the end of a log; {@code more} adds facts for its templates.
     */
    public synchronized Event note(String id, double seconds, Map<String, String> more) {
        return note(id, 0, null, seconds, more);
    }

    /** A run-level finding pinned to a line (e.g. the bootloader's last words before silence). */
    public synchronized Event note(String id, int line, String text, double seconds, Map<String, String> more) {
        Rule rule = rules.runRule(id);
        Map<String, String> f = new HashMap<>(facts);
        String last = lastMessage();
        f.put("lastLine", last.isEmpty() ? "(nothing)" : last);
        f.putAll(more);
        Event e = new Event(id, Rule.Kind.FAILURE, rule.outcome(), rule.role(), true, line, text, seconds,
                Template.fill(rule.title(), f), rule, Map.copyOf(f));
        if (events.size() < MAX_EVENTS) events.add(e);
        else dropped++;
        if (terminal == null) terminal = e;
        return e;
    }

    /** A milestone no console line shows (ssh-ready, a command's exit over ssh), noted by the run. */
    public synchronized Event milestone(String id, double seconds, Map<String, String> more) {
        Rule rule = rules.rules().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no milestone " + id + " in console/rules.yaml"));
        Map<String, String> f = new HashMap<>(facts);
        f.putAll(more);
        Event e = new Event(id, rule.kind(), rule.outcome(), rule.role(), false, 0, null, seconds,
                Template.fill(rule.title(), f), rule, Map.copyOf(f));
        events.add(e);
        return e;
    }

    /** Every event so far, in line order; a crash whose trace is still being read has its title so far. */
    public synchronized List<Event> events() {
        List<Event> out = new ArrayList<>(events);
        for (CrashReport r : open) out.set(r.eventIndex, resolve(r));
        out.sort(java.util.Comparator.comparingInt(e -> e.line() == 0 ? Integer.MAX_VALUE : e.line()));
        return out;
    }

    /** Events not kept because there were more than {@link #MAX_EVENTS}. */
    public synchronized int dropped() {
        return dropped;
    }

    /** The first terminal event, or null while the boot can still go on. */
    public synchronized Event terminal() {
        return terminal;
    }

    public synchronized int lines() {
        return lineNumber;
    }

    public synchronized String lastMessage() {
        if (lastSkippedLength >= 0) {
            return ConsoleText.message(new String(lastSkipped, 0, lastSkippedLength, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return lastPrintable == null ? "" : lastPrintable.substring(lastStart);
    }

    /**
     * Takes a line of an offline log without reading it as a String, if no rule can match it
     * and nothing waits for the lines that follow (a crash report, a failure that may clear);
     * 0 means the caller must {@link #accept} it; 1 that it was taken; 2 that it was taken and
     * carried a printk timestamp. {@code control}: the line holds control bytes (it must be made
     * printable first). Called only by an offline replay, under its judge's lock: not synchronized,
     * so that a line costs no lock of its own.
     */
    int skip(ByteLine line, boolean control) {
        if (control) return 0;
        int from = line.start();
        int stamp = ConsoleText.timestampEnd(line.buffer(), from, from + line.length());
        int start = stamp > 0 ? stamp : ConsoleText.quoteIndent(line);
        boolean candidates = rules.candidates(line.buffer(), from + start, from + line.length(), hits);
        boolean concernsPending = !candidates && !pending.isEmpty() && mayConcernPending(line);
        if (candidates || concernsPending && open.isEmpty()) {
            prescanStart = start;
            prescanStamp = stamp;
            prescanCandidates = candidates;
            return 0;
        }
        if (!open.isEmpty()) return reportLine(line, start, stamp, concernsPending);
        lineNumber++;
        if (line.isBlank(start)) return 1;
        lastTimestamped = stamp > 0;
        if (lastSkipped.length < line.length()) lastSkipped = new byte[Math.max(line.length(), 2 * lastSkipped.length)];
        System.arraycopy(line.buffer(), line.start(), lastSkipped, 0, line.length());
        lastSkippedLength = line.length();
        return lastTimestamped ? 2 : 1;
    }

    /**
     * A line no rule matches while a crash report is open (in a crash-dense log, half the lines): what
     * {@link #accept} does with it, without its String of the whole line, its second look and its locks.
     */
    private int reportLine(ByteLine line, int start, int stamp, boolean concernsPending) {
        lineNumber++;
        lastTimestamped = stamp > 0;
        if (line.isBlank(start)) return lastTimestamped ? 2 : 1;
        String message = new String(line.buffer(), line.start() + start, line.length() - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        lastPrintable = message;
        lastStart = 0;
        lastSkippedLength = -1;
        feedReports(message);
        if (concernsPending) settle(message);
        return lastTimestamped ? 2 : 1;
    }

    /** True when the line may clear or confirm a pending event: it holds one of its literals (expired ones are dropped). */
    private boolean mayConcernPending(ByteLine line) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            Pending p = pending.get(i);
            if (lineNumber + 1 > p.untilLine()) {
                pending.remove(i);
                continue;
            }
            if (p.literals() == null) return true;
            for (String lit : p.literals()) if (line.contains(lit)) return true;
        }
        return false;
    }

    /** True when the last non-blank line carried a printk timestamp (the kernel printed it). */
    public synchronized boolean lastTimestamped() {
        return lastTimestamped;
    }

    /**
     * A new boot starts (an offline log holds several): failures of the last one can no longer be
     * cleared, and its crash reports are complete.
     */
    public synchronized void newBoot() {
        for (CrashReport r : open) events.set(r.eventIndex, resolve(r));
        open.clear();
        pending.clear();
    }

    public Map<String, String> facts() {
        return facts;
    }

    public synchronized boolean seen(String id) {
        return events.stream().anyMatch(e -> e.id().equals(id));
    }
}
