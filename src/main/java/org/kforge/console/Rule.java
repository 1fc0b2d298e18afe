package org.kforge.console;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One console rule: a pattern and what a line that matches it means (see {@code console/rules.yaml}).
 * Beyond the pattern, a crash rule says where its culprit function comes from ({@code frames},
 * {@code skip}, {@code extractor}) and which facts the following lines give ({@code follow}).
 */
public record Rule(String id, Kind kind, Pattern pattern, String outcome, Role role, boolean terminal,
                   String title, String why, List<String> fixes, Details details) {

    /** NOTE: a benign line worth listing; IGNORE: a line that looks bad and is not (no event). */
    public enum Kind { MILESTONE, FAILURE, NOTE, IGNORE }

    public enum Role { CAUSE, SYMPTOM }

    /**
     * How much a failure weighs in a verdict: HIGH decides an outcome on its own; CONTRIBUTING
     * (a device or network error) explains the failure that follows it; LOW (a WARNING splat) only
     * decides when nothing else failed.
     */
    public enum Severity { HIGH, CONTRIBUTING, LOW }

    private static final Map<String, Pattern> CLEARED_BY = new java.util.concurrent.ConcurrentHashMap<>();

    /** What data says beyond the line itself; every field may be empty. */
    public record Details(Severity severity, List<String> needs, List<String> frames, Pattern skip,
                          String extractor, Map<String, Pattern> follow, String clearedBy, boolean orphan,
                          boolean escalates, boolean ready, String opens, String closes, String expectedIn,
                          int headerFunc) {
        /** The clearedBy pattern with this event's facts filled in (quoted), or null. */
        public Pattern clearedBy(Map<String, String> facts) {
            if (clearedBy == null) return null;
            if (!clearedBy.contains("${")) return CLEARED_BY.computeIfAbsent(clearedBy, Pattern::compile);
            Map<String, String> quoted = new java.util.HashMap<>();
            facts.forEach((k, v) -> quoted.put(k, v.isEmpty() ? v : Pattern.quote(v)));
            return Pattern.compile(Template.fill(clearedBy, quoted));
        }

        public boolean tracesCulprit() {
            return !frames.isEmpty() || !follow.isEmpty();
        }
    }

    public Severity severity() {
        return details.severity();
    }

    public Matcher match(String line) {
        if (pattern == null) return null;
        Matcher m = pattern.matcher(line);
        return m.find() ? m : null;
    }
}
