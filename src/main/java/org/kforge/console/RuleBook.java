package org.kforge.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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

    public RuleBook(List<Rule> rules, Map<String, Rule> runRules) {
        this(rules, runRules, null);
    }

    public RuleBook(List<Rule> rules, Map<String, Rule> runRules, Pattern frameSkip) {
        this.rules = List.copyOf(rules);
        this.runRules = Map.copyOf(runRules);
        this.frameSkip = frameSkip;
        List<String> literals = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < this.rules.size(); i++) {
            Rule r = this.rules.get(i);
            List<String> needs = r.details().needs();
            if (needs.isEmpty()) {
                String lit = LiteralScan.requiredLiteral(r.pattern().pattern());
                needs = lit == null ? List.of() : List.of(lit);
            }
            if (needs.isEmpty()) alwaysRun.set(i);
            for (String n : needs) {
                literals.add(n);
                owners.add(i);
            }
        }
        this.scan = new LiteralScan(literals, owners);
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

    /** Frames no culprit is ever named after (panic and report helpers, locking, allocators...). */
    public Pattern frameSkip() {
        return frameSkip;
    }

    /** The indexes of the rules that may match {@code message}, in match order (into {@code hits}). */
    void candidates(String message, BitSet hits) {
        hits.clear();
        scan.scan(message, hits);
        hits.or(alwaysRun);
    }

    private static RuleBook builtIn;

    public static synchronized RuleBook builtIn() {
        if (builtIn != null) return builtIn;
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream("console/rules.yaml")) {
            RulesFile file = new ObjectMapper(new YAMLFactory()).readValue(in, RulesFile.class);
            List<Rule> out = new ArrayList<>();
            for (RuleData d : file.milestones()) out.add(d.toRule(Rule.Kind.MILESTONE));
            if (file.benign() != null) {
                for (RuleData d : file.benign()) out.add(d.toRule(d.title() == null ? Rule.Kind.IGNORE : Rule.Kind.NOTE));
            }
            for (RuleData d : file.failures()) out.add(d.toRule(Rule.Kind.FAILURE));
            Map<String, Rule> run = new LinkedHashMap<>();
            for (RuleData d : file.run()) run.put(d.id(), d.toRule(Rule.Kind.FAILURE));
            builtIn = new RuleBook(out, run, anyOf(file.frameSkip()));
            return builtIn;
        } catch (IOException e) {
            throw new UncheckedIOException("console/rules.yaml is malformed", e);
        }
    }

    static Pattern anyOf(List<String> patterns) {
        return patterns == null || patterns.isEmpty() ? null : Pattern.compile(String.join("|", patterns));
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record RulesFile(List<RuleData> milestones, List<RuleData> benign, List<RuleData> failures, List<RuleData> run,
                     List<String> frameSkip) {
    }

    record RuleData(String id, String pattern, String outcome, String role, Boolean terminal,
                    String title, String why, List<String> fixes, String severity, List<String> needs,
                    List<String> frames, List<String> skip, String extractor, Map<String, String> follow,
                    String clearedBy, Boolean orphan, Boolean escalates, Boolean ready, String opens,
                    String closes, String expectedIn, Integer headerFunc) {
        Rule toRule(Rule.Kind kind) {
            Rule.Role r = role == null ? Rule.Role.CAUSE : Rule.Role.valueOf(role.toUpperCase(Locale.ROOT));
            Rule.Severity s = severity == null ? Rule.Severity.HIGH : Rule.Severity.valueOf(severity.toUpperCase(Locale.ROOT));
            Map<String, Pattern> f = new LinkedHashMap<>();
            if (follow != null) follow.forEach((k, v) -> f.put(k, Pattern.compile(v)));
            Rule.Details d = new Rule.Details(s, needs == null ? List.of() : needs, frames == null ? List.of() : frames,
                    anyOf(skip), extractor, Map.copyOf(f), clearedBy,
                    Boolean.TRUE.equals(orphan), Boolean.TRUE.equals(escalates), Boolean.TRUE.equals(ready), opens, closes,
                    expectedIn, headerFunc == null ? 0 : headerFunc);
            return new Rule(id, kind, pattern == null ? null : Pattern.compile(pattern), outcome, r, Boolean.TRUE.equals(terminal),
                    title, why == null ? "" : why, fixes == null ? List.of() : fixes, d);
        }
    }
}
