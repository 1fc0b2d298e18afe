package org.kforge.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The console rules, loaded from the {@code console/rules.yaml} resource, in match order
 * (milestones, benign lines, failures), with the literal prefilter that keeps matching cheap.
 */
public final class RuleBook {
    private final List<Rule> rules;
    private final Map<String, Rule> runRules;
    private final Pattern frameSkip;
    private final LiteralScan scan;
    private final BitSet alwaysRun = new BitSet();
    /** Rule index to the bits (past the rules' own) of the further literal sets its pattern requires. */
    private final Map<Integer, int[]> alsoNeeds = new java.util.HashMap<>();
    private int clauseCount;
    private final List<ConsoleSource> sources;
    /** The same as an array: looked at for every line, and a for-each over a List makes an iterator under C1. */
    private final ConsoleSource[] sourceArray;

    public RuleBook(List<Rule> rules, Map<String, Rule> runRules, Pattern frameSkip) {
        this(rules, runRules, frameSkip, List.of());
    }

    public RuleBook(List<Rule> rules, Map<String, Rule> runRules, Pattern frameSkip, List<ConsoleSource> sources) {
        this.sources = List.copyOf(sources);
        this.sourceArray = sources.toArray(new ConsoleSource[0]);
        this.rules = List.copyOf(rules);
        this.runRules = Map.copyOf(runRules);
        this.frameSkip = frameSkip;
        List<String> literals = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<Integer> prefixOwners = new ArrayList<>();
        for (int i = 0; i < this.rules.size(); i++) {
            Rule r = this.rules.get(i);
            if (r.pattern() == null) continue; // noted by the run (ssh-ready), never by a line
            List<String> needs = r.details().needs();
            if (needs.isEmpty()) {
                List<String> lits = LiteralScan.requiredLiterals(r.pattern().pattern());
                needs = lits == null ? List.of() : lits;
            }
            if (needs.isEmpty()) alwaysRun.set(i);
            // a pattern that starts with ^ (and has no top-level alternative) names what opens the message
            boolean anchored = !needs.isEmpty() && needs.stream().allMatch(n -> LiteralScan.opensWith(r.pattern().pattern(), n));
            for (String n : needs) {
                (anchored ? prefixes : literals).add(n);
                (anchored ? prefixOwners : owners).add(i);
            }
            if (needs.isEmpty()) continue; // runs on every line anyway
            // what the pattern itself requires beyond its needs: the rule runs only when all of it occurs too
            List<int[]> more = new ArrayList<>();
            for (List<String> clause : LiteralScan.clauses(r.pattern().pattern(), needs)) {
                if (clause.equals(needs)) continue;
                int bit = this.rules.size() + clauseCount++;
                more.add(new int[] {bit});
                for (String n : clause) {
                    literals.add(n);
                    owners.add(bit);
                }
            }
            if (!more.isEmpty()) alsoNeeds.put(i, more.stream().mapToInt(b -> b[0]).toArray());
        }
        this.scan = new LiteralScan(literals, owners, prefixes, prefixOwners);
    }

    /** Clears the hits of rules one of whose further literal sets did not occur, and the sets' bits; true if a rule is left. */
    private boolean confirm(BitSet hits) {
        int first = rules.size();
        if (hits.nextSetBit(0) >= first) {
            hits.clear(first, first + clauseCount);
            return false;
        }
        for (int r = hits.nextSetBit(0); r >= 0 && r < first; r = hits.nextSetBit(r + 1)) {
            int[] more = alsoNeeds.get(r);
            if (more == null) continue;
            for (int bit : more) {
                if (!hits.get(bit)) {
                    hits.clear(r);
                    break;
                }
            }
        }
        hits.clear(first, first + clauseCount);
        int left = hits.nextSetBit(0);
        return left >= 0;
    }

    /** The rules that run on every line because no literal prefilters them (ids), for tests and tuning. */
    public List<String> unfiltered() {
        return alwaysRun.stream().mapToObj(i -> rules.get(i).id()).toList();
    }

    /** A run-level rule (no-console, hang, timeout, incomplete) by id. */
    public Rule runRule(String id) {
        Rule r = runRules.get(id);
        if (r == null) throw new IllegalArgumentException("no run rule " + id + " in console/rules.yaml");
        return r;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Who else prints on the console (a hypervisor), by the prefix of its lines. */
    public List<ConsoleSource> sources() {
        return sources;
    }

    /** The source whose prefix opens this message, or null for the kernel's (or userspace's) own line. */
    public ConsoleSource sourceOf(CharSequence message) {
        for (ConsoleSource s : sources) if (s.opens(message)) return s;
        return null;
    }

    /** As {@link #sourceOf(CharSequence)} on bytes [start, end) of a read buffer. */
    ConsoleSource sourceOf(byte[] buf, int start, int end) {
        for (ConsoleSource s : sourceArray) if (s.opens(buf, start, end)) return s;
        return null;
    }

    /** Frames no culprit is ever named after (panic and report helpers, locking, allocators...). */
    public Pattern frameSkip() {
        return frameSkip;
    }

    /** The indexes of the rules that may match the line from {@code from}, in match order (into {@code hits}); false if none. */
    boolean candidates(CharSequence line, int from, BitSet hits) {
        hits.clear();
        boolean any = scan.scan(line, from, hits) && confirm(hits);
        if (alwaysRun.isEmpty()) return any;
        hits.or(alwaysRun);
        return true;
    }

    /** As {@link #candidates(CharSequence, int, BitSet)} on bytes of a read buffer that hold no control byte. */
    boolean candidates(byte[] buf, int from, int to, BitSet hits) {
        hits.clear();
        boolean found = scan.scan(buf, from, to, hits) && confirm(hits);
        if (alwaysRun.isEmpty()) return found;
        hits.or(alwaysRun);
        return true;
    }

    private static RuleBook builtIn;

    public static synchronized RuleBook builtIn() {
        if (builtIn != null) return builtIn;
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream("console/rules.yaml")) {
            RulesFile file = org.kforge.Json.yamlData().readValue(in, RulesFile.class);
            List<Rule> out = new ArrayList<>();
            for (RuleData d : file.milestones()) out.add(d.toRule(Rule.Kind.MILESTONE));
            if (file.benign() != null) {
                for (RuleData d : file.benign()) out.add(d.toRule(d.title() == null ? Rule.Kind.IGNORE : Rule.Kind.NOTE));
            }
            for (RuleData d : file.failures()) out.add(d.toRule(Rule.Kind.FAILURE));
            Map<String, Rule> run = new LinkedHashMap<>();
            for (RuleData d : file.run()) run.put(d.id(), d.toRule(Rule.Kind.FAILURE));
            List<ConsoleSource> sources = file.sources() == null ? List.of()
                    : file.sources().stream().map(s -> new ConsoleSource(Rule.Layer.of(s.layer()), s.name(), s.prefix())).toList();
            builtIn = new RuleBook(out, run, anyOf(file.frameSkip()), sources);
            return builtIn;
        } catch (IOException e) {
            throw new UncheckedIOException("console/rules.yaml is malformed", e);
        }
    }

    static Pattern anyOf(List<String> patterns) {
        return patterns == null || patterns.isEmpty() ? null : Pattern.compile(String.join("|", patterns));
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record RulesFile(List<SourceData> sources, List<RuleData> milestones, List<RuleData> benign, List<RuleData> failures,
                     List<RuleData> run, List<String> frameSkip) {
    }

    record SourceData(String layer, String name, String prefix) {
    }

    record RuleData(String id, String pattern, String outcome, String role, Boolean terminal,
                    String title, String why, List<String> fixes, String severity, List<String> needs,
                    List<String> frames, List<String> skip, String extractor, Map<String, String> follow,
                    String clearedBy, Boolean orphan, Boolean escalates, Boolean decisive, Boolean ready, String opens,
                    String closes, String expectedIn, Integer headerFunc, String layer, String marks, String confirmedBy) {
        Rule toRule(Rule.Kind kind) {
            Rule.Role r = role == null ? Rule.Role.CAUSE : Rule.Role.valueOf(role.toUpperCase(Locale.ROOT));
            Rule.Severity s = severity == null ? Rule.Severity.HIGH : Rule.Severity.valueOf(severity.toUpperCase(Locale.ROOT));
            Map<String, Pattern> f = new LinkedHashMap<>();
            if (follow != null) follow.forEach((k, v) -> f.put(k, Pattern.compile(v)));
            Rule.Details d = new Rule.Details(s, needs == null ? List.of() : needs, frames == null ? List.of() : frames,
                    anyOf(skip), extractor, Map.copyOf(f), clearedBy,
                    Boolean.TRUE.equals(orphan), Boolean.TRUE.equals(escalates), Boolean.TRUE.equals(decisive),
                    Boolean.TRUE.equals(ready), opens, closes,
                    expectedIn, headerFunc == null ? 0 : headerFunc, Rule.Layer.of(layer), marks, confirmedBy);
            return new Rule(id, kind, pattern == null ? null : Pattern.compile(pattern), outcome, r, Boolean.TRUE.equals(terminal),
                    title, why == null ? "" : why, fixes == null ? List.of() : fixes, d);
        }
    }
}
