package org.kforge.console;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One console rule: a pattern and what a line that matches it means (see {@code console/rules.yaml}).
 * {@code detailFromNextLine}: the reason is printed on the following line (Xen's "Panic on CPU 0:"),
 * which fills the fact {@code next} of the title.
 */
public record Rule(String id, Kind kind, Pattern pattern, String outcome, Role role, boolean terminal,
                   boolean detailFromNextLine, String title, String why, List<String> fixes) {

    public enum Kind { MILESTONE, FAILURE }

    public enum Role { CAUSE, SYMPTOM }

    public Matcher match(String line) {
        if (pattern == null) return null;
        Matcher m = pattern.matcher(line);
        return m.find() ? m : null;
    }
}
