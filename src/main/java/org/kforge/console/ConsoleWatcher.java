package org.kforge.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The detector engine: reads console lines one by one and turns them into events. The same engine
 * serves a live boot (with times) and an offline log (times -1). Facts of the boot (the profile's
 * console and root device...) fill the rules' templates. Thread-safe: a live console feeds it from
 * its reader thread while the clock is watched from another.
 */
public final class ConsoleWatcher {
    private final RuleBook rules;
    private final Map<String, String> facts;
    private final List<Event> events = new ArrayList<>();
    private int lineNumber;
    private String lastMessage = "";
    private Event terminal;
    private int awaitingDetail = -1;

    public ConsoleWatcher(RuleBook rules, Map<String, String> facts) {
        this.rules = rules;
        this.facts = Map.copyOf(facts);
    }

    /** Reads one line (without its newline); returns the events it produced, if any. */
    public synchronized List<Event> accept(String rawLine, double seconds) {
        lineNumber++;
        String message = ConsoleText.message(rawLine);
        if (!message.isBlank()) lastMessage = message;
        if (awaitingDetail >= 0 && !message.isBlank()) detail(message);
        for (Rule rule : rules.rules()) {
            Matcher m = rule.match(message);
            if (m == null) continue;
            Map<String, String> f = new HashMap<>(facts);
            for (int g = 1; g <= m.groupCount(); g++) {
                f.put("match" + g, m.group(g) == null ? "" : m.group(g));
            }
            Event e = new Event(rule.id(), rule.kind(), rule.outcome(), rule.role(), rule.terminal(), lineNumber,
                    ConsoleText.printable(rawLine), seconds, Template.fill(rule.title(), f), rule, Map.copyOf(f));
            events.add(e);
            if (e.terminal() && terminal == null) terminal = e;
            if (rule.detailFromNextLine()) awaitingDetail = events.size() - 1;
            return List.of(e);
        }
        return List.of();
    }

    /** Re-titles the event that waits for its reason with this line (its "(XEN) " prefix dropped). */
    private void detail(String message) {
        Event e = events.get(awaitingDetail);
        awaitingDetail = -1;
        Map<String, String> f = new HashMap<>(e.facts());
        f.put("next", message.replaceFirst("^\\(XEN\\)\\s*", "").strip());
        Event titled = new Event(e.id(), e.kind(), e.outcome(), e.role(), e.terminal(), e.line(), e.text(), e.seconds(),
                Template.fill(e.rule().title(), f), e.rule(), Map.copyOf(f));
        events.set(events.indexOf(e), titled);
        if (terminal == e) terminal = titled;
    }

    /**
     * A run-level finding that no line shows (no-console, hang, timeout, incomplete), added by whoever
     * watches the clock or reaches the end of a log; {@code more} adds facts for its templates.
     */
    public synchronized Event note(String id, double seconds, Map<String, String> more) {
        Rule rule = rules.runRule(id);
        Map<String, String> f = new HashMap<>(facts);
        f.put("lastLine", lastMessage.isEmpty() ? "(nothing)" : lastMessage);
        f.putAll(more);
        Event e = new Event(id, Rule.Kind.FAILURE, rule.outcome(), Rule.Role.CAUSE, true, 0, null, seconds,
                Template.fill(rule.title(), f), rule, Map.copyOf(f));
        events.add(e);
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

    public synchronized List<Event> events() {
        return List.copyOf(events);
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
