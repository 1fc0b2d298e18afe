package org.kforge.console;

import java.util.Map;

/**
 * Fills {@code ${name}}, {@code ${name:-fallback}} (fallback when the fact is unknown) and
 * {@code ${name:+text}} (text only when it is known) from the facts of a boot; fallback and text
 * may hold templates themselves. An unknown fact with no fallback reads "?".
 */
final class Template {
    private Template() {
    }

    static String fill(String template, Map<String, String> facts) {
        if (template == null) return null;
        if (template.indexOf("${") < 0) return template;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf("${", i);
            if (start < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, start);
            int end = closing(template, start + 2);
            if (end < 0) {
                out.append(template, start, template.length());
                break;
            }
            out.append(expand(template.substring(start + 2, end), facts));
            i = end + 1;
        }
        return out.toString();
    }

    private static String expand(String body, Map<String, String> facts) {
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        String v = facts.get(name);
        boolean known = v != null && !v.isEmpty();
        if (colon < 0 || colon + 1 >= body.length()) return known ? v : "?";
        String text = body.substring(colon + 2);
        if (body.charAt(colon + 1) == '+') return known ? fill(text, facts) : "";
        return known ? v : fill(text, facts);
    }

    /** The index of the brace that closes a "${" whose body starts at {@code from}, or -1. */
    private static int closing(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return -1;
    }
}
