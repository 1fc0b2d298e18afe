package org.kforge.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The cheap first look at a line: an Aho-Corasick automaton over every rule's required literal,
 * so that only the few rules whose literal occurs in a line run their regular expression.
 * ASCII only: a literal is ASCII, and any other character sends the automaton back to its root.
 */
final class LiteralScan {
    private static final int ALPHABET = 128;
    private final int[][] next;
    private final int[][] outputs;

    /** {@code literals.get(i)} is the literal of rule {@code owners.get(i)}. */
    LiteralScan(List<String> literals, List<Integer> owners) {
        List<int[]> go = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        go.add(new int[ALPHABET]);
        out.add(new ArrayList<>());
        for (int i = 0; i < literals.size(); i++) {
            int s = 0;
            for (char c : literals.get(i).toCharArray()) {
                if (c >= ALPHABET) throw new IllegalArgumentException("non-ASCII literal " + literals.get(i));
                if (go.get(s)[c] == 0) {
                    go.add(new int[ALPHABET]);
                    out.add(new ArrayList<>());
                    go.get(s)[c] = go.size() - 1;
                }
                s = go.get(s)[c];
            }
            out.get(s).add(owners.get(i));
        }
        int[] fail = new int[go.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) if (go.get(0)[c] != 0) queue.add(go.get(0)[c]);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]));
            for (int c = 0; c < ALPHABET; c++) {
                int t = go.get(s)[c];
                if (t != 0) {
                    fail[t] = go.get(fail[s])[c];
                    queue.add(t);
                } else {
                    go.get(s)[c] = go.get(fail[s])[c];
                }
            }
        }
        next = go.toArray(new int[0][]);
        outputs = new int[out.size()][];
        for (int s = 0; s < out.size(); s++) outputs[s] = out.get(s).stream().distinct().mapToInt(Integer::intValue).toArray();
    }

    /** Sets the bit of every rule whose literal occurs in {@code line}; false when none does. */
    boolean scan(String line, BitSet hits) {
        boolean any = false;
        int s = 0;
        for (int i = 0, n = line.length(); i < n; i++) {
            char c = line.charAt(i);
            s = c < ALPHABET ? next[s][c] : 0;
            int[] o = outputs[s];
            if (o.length > 0) {
                for (int r : o) hits.set(r);
                any = true;
            }
        }
        return any;
    }

    /**
     * The longest run of characters every match of {@code regex} must contain, or null when the
     * expression has a top-level alternative or no run of at least three characters.
     */
    static String requiredLiteral(String regex) {
        if (regex.startsWith("(?i)")) return null;
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean optional = i + 1 < regex.length() && "?*{".indexOf(regex.charAt(i + 1)) >= 0;
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(++i);
                optional = i + 1 < regex.length() && "?*{".indexOf(regex.charAt(i + 1)) >= 0;
                if (depth == 0 && !Character.isLetterOrDigit(e) && !optional) {
                    run.append(e);
                    continue;
                }
            } else if (c == '|' && depth == 0) {
                return null;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '[') {
                while (i + 1 < regex.length() && regex.charAt(i + 1) != ']') i += regex.charAt(i + 1) == '\\' ? 2 : 1;
                i++;
            } else if (depth == 0 && !optional && ".^$+?*{}".indexOf(c) < 0 && c < ALPHABET) {
                run.append(c);
                continue;
            }
            if (run.length() > best.length()) best = run.toString();
            run.setLength(0);
        }
        if (run.length() > best.length()) best = run.toString();
        return best.length() >= 3 ? best : null;
    }
}
