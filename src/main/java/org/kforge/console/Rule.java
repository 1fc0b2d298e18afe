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

    /** Who printed a line or failed: the pieces of a boot, in the order they run. */
    public enum Layer {
        FIRMWARE, BOOTLOADER, HYPERVISOR, KERNEL, USERSPACE;

        /** The layer named in rules.yaml; a rule that names none is the kernel's. */
        static Layer of(String name) {
            return name == null ? KERNEL : valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * How much a failure weighs in a verdict: HIGH decides an outcome on its own; CONTRIBUTING
     * (a device or network error) explains the failure that follows it; LOW (a WARNING splat) only
     * decides when nothing else failed; DEVICE (a firmware file, a Wi-Fi chip) is one part of a
     * system that may run without it: listed beside a booted verdict, the cause only when alone.
     */
    public enum Severity { HIGH, CONTRIBUTING, LOW, DEVICE }

    private static final Map<String, Pattern> CLEARED_BY = new java.util.concurrent.ConcurrentHashMap<>();

    /** What data says beyond the line itself; every field may be empty. */
    public record Details(Severity severity, List<String> needs, List<String> frames, Pattern skip,
                          String extractor, Map<String, Pattern> follow, String clearedBy, boolean orphan,
                          boolean escalates, boolean decisive, boolean ready, String opens, String closes, String expectedIn,
                          int headerFunc, Layer layer, String marks, String confirmedBy) {
        /** The clearedBy pattern with this event's facts filled in (quoted), or null. */
        public Pattern clearedBy(Map<String, String> facts) {
            if (clearedBy == null) return null;
            return filled(clearedBy, facts);
        }

        private static Pattern filled(String template, Map<String, String> facts) {
            if (!template.contains("${")) return CLEARED_BY.computeIfAbsent(template, Pattern::compile);
            Map<String, String> quoted = new java.util.HashMap<>();
            facts.forEach((k, v) -> quoted.put(k, v.isEmpty() ? v : Pattern.quote(v)));
            return Pattern.compile(Template.fill(template, quoted));
        }

        /** The confirmedBy pattern with this event's facts filled in (quoted), or null. */
        public Pattern confirmedBy(Map<String, String> facts) {
            return confirmedBy == null ? null : filled(confirmedBy, facts);
        }

        public boolean tracesCulprit() {
            return !frames.isEmpty() || !follow.isEmpty();
        }
    }

    public Severity severity() {
        return details.severity();
    }

    public Layer layer() {
        return details.layer();
    }

    public Matcher match(String line) {
        if (pattern == null) return null;
        Matcher m = pattern.matcher(line);
        return m.find() ? m : null;
    }
}
