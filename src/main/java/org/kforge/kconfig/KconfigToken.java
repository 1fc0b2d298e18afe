package org.kforge.kconfig;

import java.util.ArrayList;
import java.util.List;

/** One token of a Kconfig line: a word, a quoted string, or an operator ({@code scripts/kconfig/lexer.l}). */
record KconfigToken(Kind kind, String text) {

    enum Kind { WORD, STRING, OP }

    boolean isWord(String w) {
        return kind == Kind.WORD && text.equals(w);
    }

    /** Splits one logical line (comments already stripped); throws IllegalArgumentException on bad quoting. */
    static List<KconfigToken> split(String line) {
        List<KconfigToken> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                StringBuilder s = new StringBuilder();
                int j = i + 1;
                while (j < n && line.charAt(j) != c) {
                    if (line.charAt(j) == '\\' && j + 1 < n) j++;
                    s.append(line.charAt(j++));
                }
                if (j >= n) throw new IllegalArgumentException("unterminated string");
                out.add(new KconfigToken(Kind.STRING, s.toString()));
                i = j + 1;
            } else if (c == '$' && i + 1 < n && line.charAt(i + 1) == '(') {
                int j = closing(line, i + 1);
                out.add(new KconfigToken(Kind.WORD, line.substring(i, j + 1)));
                i = j + 1;
            } else if ("()".indexOf(c) >= 0) {
                out.add(new KconfigToken(Kind.OP, String.valueOf(c)));
                i++;
            } else if ("!=<>&|".indexOf(c) >= 0) {
                String two = i + 1 < n ? line.substring(i, i + 2) : "";
                if (List.of("&&", "||", "!=", "<=", ">=").contains(two)) {
                    out.add(new KconfigToken(Kind.OP, two));
                    i += 2;
                } else if (c == '&' || c == '|') {
                    throw new IllegalArgumentException("stray '" + c + "'");
                } else {
                    out.add(new KconfigToken(Kind.OP, String.valueOf(c)));
                    i++;
                }
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(line.charAt(j)) && "\"'()!=<>&|".indexOf(line.charAt(j)) < 0) j++;
                out.add(new KconfigToken(Kind.WORD, line.substring(i, j)));
                i = j;
            }
        }
        return out;
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            if (s.charAt(j) == '(') depth++;
            if (s.charAt(j) == ')' && --depth == 0) return j;
        }
        throw new IllegalArgumentException("unterminated $(");
    }
}
