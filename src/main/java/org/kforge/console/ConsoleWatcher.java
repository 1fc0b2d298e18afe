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

    private final RuleBook rules;
    private final Map<String, String> facts;
    private final List<Event> events = new ArrayList<>();
    private final List<CrashReport> open = new ArrayList<>();
    private final List<Integer> clearable = new ArrayList<>();
    private final List<java.util.regex.Pattern> clearers = new ArrayList<>();
    private final Set<String> contexts = new HashSet<>();
    private final BitSet hits = new BitSet();
    private int lineNumber;
    private int dropped;
    private String lastMessage = "";
    private Event terminal;

    public ConsoleWatcher(RuleBook rules, Map<String, String> facts) {
        this.rules = rules;
        this.facts = Map.copyOf(facts);
    }

    /** Reads one line (without its newline); returns the events it produced, if any. */
    public synchronized List<Event> accept(String rawLine, double seconds) {
        lineNumber++;
        String message = ConsoleText.message(rawLine);
        if (message.isBlank()) return List.of();
        lastMessage = message;
        if (!open.isEmpty()) feedReports(message);
        if (!clearable.isEmpty()) clear(message);
        rules.candidates(message, hits);
        List<Rule> all = rules.rules();
        for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
            Rule rule = all.get(i);
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

    private Event record(Rule rule, Matcher m, String rawLine, String message, double seconds) {
        Map<String, String> f = new HashMap<>(facts);
        f.put("match0", m.group());
        for (int g = 1; g <= m.groupCount(); g++) f.put("match" + g, m.group(g) == null ? "" : m.group(g));
        if (rule.kind() == Rule.Kind.FAILURE) {
            String errno = Errno.inLine(message);
            if (errno != null) f.put("errno", errno);
        }
        Event e = new Event(rule.id(), rule.kind(), rule.outcome(), rule.role(), rule.terminal(), lineNumber,
                ConsoleText.printable(rawLine), seconds, Template.fill(rule.title(), f), rule, Map.copyOf(f));
        String expected = rule.details().expectedIn();
        if (expected != null && contexts.contains(expected)) e = e.asCleared();
        if (e.terminal() && terminal == null && !e.cleared()) terminal = e;
        if (events.size() >= MAX_EVENTS) {
            dropped++;
            return e;
        }
        events.add(e);
        int index = events.size() - 1;
        if (rule.details().tracesCulprit() && open.size() < MAX_OPEN) open.add(new CrashReport(index, rule, m));
        if (rule.details().clearedBy() != null && !e.cleared() && clearable.size() < MAX_OPEN) {
            clearable.add(index);
            clearers.add(rule.details().clearedBy(f));
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

    private void clear(String message) {
        for (int i = clearable.size() - 1; i >= 0; i--) {
            int index = clearable.get(i);
            Event e = events.get(index);
            if (clearers.get(i).matcher(message).find()) {
                events.set(index, e.asCleared());
                clearable.remove(i);
                clearers.remove(i);
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
        f.put("lastLine", lastMessage.isEmpty() ? "(nothing)" : lastMessage);
        f.putAll(more);
        Event e = new Event(id, Rule.Kind.FAILURE, rule.outcome(), Rule.Role.CAUSE, true, line, text, seconds,
                Template.fill(rule.title(), f), rule, Map.copyOf(f));
        if (events.size() < MAX_EVENTS) events.add(e);
        else dropped++;
        if (terminal == null) terminal = e;
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
        return lastMessage;
    }

    public Map<String, String> facts() {
        return facts;
    }

    public synchronized boolean seen(String id) {
        return events.stream().anyMatch(e -> e.id().equals(id));
    }
}
