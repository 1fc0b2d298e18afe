package org.kforge.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/** The console rules, loaded from the {@code console/rules.yaml} resource, in match order. */
public final class RuleBook {
    private final List<Rule> rules;
    private final Map<String, Rule> runRules;

    public RuleBook(List<Rule> rules, Map<String, Rule> runRules) {
        this.rules = List.copyOf(rules);
        this.runRules = Map.copyOf(runRules);
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

    public static RuleBook builtIn() {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream("console/rules.yaml")) {
            RulesFile file = new ObjectMapper(new YAMLFactory()).readValue(in, RulesFile.class);
            List<Rule> out = new ArrayList<>();
            for (RuleData d : file.milestones()) out.add(d.toRule(Rule.Kind.MILESTONE));
            for (RuleData d : file.failures()) out.add(d.toRule(Rule.Kind.FAILURE));
            Map<String, Rule> run = new LinkedHashMap<>();
            for (RuleData d : file.run()) run.put(d.id(), d.toRule(Rule.Kind.FAILURE));
            return new RuleBook(out, run);
        } catch (IOException e) {
            throw new UncheckedIOException("console/rules.yaml is malformed", e);
        }
    }

    record RulesFile(List<RuleData> milestones, List<RuleData> failures, List<RuleData> run) {
    }

    record RuleData(String id, String pattern, String outcome, String role, Boolean terminal,
                    Boolean detailFromNextLine, String title, String why, List<String> fixes) {
        Rule toRule(Rule.Kind kind) {
            Rule.Role r = role == null ? Rule.Role.CAUSE : Rule.Role.valueOf(role.toUpperCase(Locale.ROOT));
            return new Rule(id, kind, pattern == null ? null : Pattern.compile(pattern), outcome, r, Boolean.TRUE.equals(terminal),
                    Boolean.TRUE.equals(detailFromNextLine), title, why == null ? "" : why, fixes == null ? List.of() : fixes);
        }
    }
}
