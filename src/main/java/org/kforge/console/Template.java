package org.kforge.console;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code ${name}} and {@code ${name:-fallback}} from the facts of a boot. */
final class Template {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?::-([^}]*))?}");

    private Template() {
    }

    static String fill(String template, Map<String, String> facts) {
        if (template == null) return null;
        Matcher m = VAR.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = facts.get(m.group(1));
            if (v == null || v.isEmpty()) v = m.group(2) != null ? m.group(2) : "?";
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
