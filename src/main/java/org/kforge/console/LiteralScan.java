package org.kforge.console;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The cheap first look at a line: which rules' required literals occur in it, so that only those
 * rules run their regular expression. Each literal is keyed by its rarest four characters (three
 * for a three-character literal), hashed into a 64 Kbit table that stays in the L1 cache; where a
 * key occurs, the literals with that key are compared in place. Shorter literals are keyed by their
 * first character.
 * Literals are ASCII; any other character simply never matches.
 */
final class LiteralScan {
    private static final int MASK = 0xFFFF;
    private final long[] keys = new long[(MASK + 1) / 64];
    private final Keyed[][] byKey = new Keyed[MASK + 1][];
    private final Keyed[][] bySingle = new Keyed[256][];
    private boolean hasSingles;
    private boolean hasThrees;

    /** A literal, the rules it belongs to, and where its key sits in it. */
    private record Keyed(String literal, int[] owners, int offset) {
    }

    /** Literals that must open the message (the rule's pattern starts with ^): checked once per line. */
    private final Keyed[][] atStart = new Keyed[256][];
    private boolean hasStarts;

    /** {@code literals.get(i)} is the literal of rule {@code owners.get(i)}. */
    LiteralScan(List<String> literals, List<Integer> owners) {
        this(literals, owners, List.of(), List.of());
    }

    /** As above, plus literals that can only match at the start of the message. */
    LiteralScan(List<String> literals, List<Integer> owners, List<String> prefixes, List<Integer> prefixOwners) {
        List<Keyed> starts = new ArrayList<>();
        for (int i = 0; i < prefixes.size(); i++) starts.add(new Keyed(prefixes.get(i), new int[] {prefixOwners.get(i)}, 0));
        // indexed by their first character: a line looks at the few that could open it
        java.util.Map<Integer, List<Keyed>> byFirst = new java.util.HashMap<>();
        for (Keyed k : starts) byFirst.computeIfAbsent((int) k.literal().charAt(0) & 0xFF, x -> new ArrayList<>()).add(k);
        byFirst.forEach((c, v) -> atStart[c] = v.toArray(new Keyed[0]));
        hasStarts = !starts.isEmpty();
        java.util.Map<String, List<Integer>> owned = new java.util.LinkedHashMap<>();
        for (int i = 0; i < literals.size(); i++) {
            String lit = literals.get(i);
            for (char c : lit.toCharArray()) {
                if (c >= 128) throw new IllegalArgumentException("non-ASCII literal " + lit);
            }
            owned.computeIfAbsent(lit, x -> new ArrayList<>()).add(owners.get(i));
        }
        java.util.Map<Integer, List<Keyed>> keyLists = new java.util.HashMap<>();
        java.util.Map<Integer, List<Keyed>> singleLists = new java.util.HashMap<>();
        owned.forEach((lit, who) -> {
            int[] rules = who.stream().mapToInt(Integer::intValue).distinct().toArray();
            if (lit.length() < 3) {
                hasSingles = true;
                singleLists.computeIfAbsent((int) lit.charAt(0), x -> new ArrayList<>()).add(new Keyed(lit, rules, 0));
                return;
            }
            int width = lit.length() >= 4 ? 4 : 3;
            if (width == 3) hasThrees = true;
            int best = 0;
            for (int k = 1; k + width <= lit.length(); k++) {
                if (rarity(lit, k, width) < rarity(lit, best, width)) best = k;
            }
            int key = width == 4 ? hash(lit.charAt(best), lit.charAt(best + 1), lit.charAt(best + 2), lit.charAt(best + 3))
                    : hash(0, lit.charAt(best), lit.charAt(best + 1), lit.charAt(best + 2)) ^ THREE;
            keys[key >>> 6] |= 1L << key;
            keyLists.computeIfAbsent(key, x -> new ArrayList<>()).add(new Keyed(lit, rules, best + width - 1));
        });
        keyLists.forEach((k, v) -> byKey[k] = v.toArray(new Keyed[0]));
        singleLists.forEach((c, v) -> bySingle[c] = v.toArray(new Keyed[0]));
    }

    /** Keys of three characters live apart from keys of four in the same table. */
    private static final int THREE = 0x5A5A;

    /** A multiplicative hash of up to four characters packed in an int (a the oldest): few collisions, one multiply. */
    private static int hash(int a, int b, int c, int d) {
        return mix((a << 24) | (b << 16) | (c << 8) | d);
    }

    private static int mix(int packed) {
        return (packed * 0x9E3779B1) >>> 16;
    }

    /** How common some characters of a literal are in kernel messages (lower is rarer): a rough guide. */
    private static long rarity(String lit, int at, int width) {
        long r = 1;
        for (int i = at; i < at + width; i++) r *= common(lit.charAt(i));
        return r;
    }

    private static int common(char c) {
        if (c == ' ') return 12;
        if (c >= 'a' && c <= 'z') return "etaoinsrlcdu".indexOf(c) >= 0 ? 10 : 6;
        if (c >= '0' && c <= '9') return 6;
        if (c == ':' || c == '.' || c == '-' || c == ',' || c == '_' || c == '/') return 5;
        if (c >= 'A' && c <= 'Z') return 3;
        return 2;
    }

    /** Sets the bit of every rule whose literal occurs in {@code line}; false when none does. */
    boolean scan(String line, BitSet hits) {
        return scan(line, 0, hits);
    }

    /** As {@link #scan(String, BitSet)}, from index {@code from} of the line. */
    boolean scan(CharSequence line, int from, BitSet hits) {
        final long[] table = keys;
        boolean any = hasStarts && from < line.length() && verify(atStart[line.charAt(from) & 0xFF], line, from, hits);
        int packed = 0;
        for (int i = from, n = line.length(); i < n; i++) {
            int c = line.charAt(i) & 0xFF;
            packed = (packed << 8) | c;
            int key = mix(packed);
            if ((table[key >>> 6] & (1L << key)) != 0) any |= verify(byKey[key], line, i, hits);
            if (hasThrees) {
                int key3 = mix(packed & 0xFFFFFF) ^ THREE;
                if ((table[key3 >>> 6] & (1L << key3)) != 0) any |= verify(byKey[key3], line, i, hits);
            }
            if (hasSingles && bySingle[c] != null) any |= verify(bySingle[c], line, i, hits);
        }
        return any;
    }

    /**
     * The same look at bytes [from, to) of a read buffer (ISO-8859-1): 1 when a literal occurs
     * (its rules' bits set), 0 when none does, -1 when the bytes hold a control byte or an escape
     * (the line must be made printable first).
     */
    int scan(byte[] buf, int from, int to, BitSet hits) {
        final long[] table = keys;
        int found = hasStarts && from < to && verify(atStart[buf[from] & 0xFF], buf, from, to, from, hits) ? 1 : 0;
        int packed = 0;
        for (int i = from; i < to; i++) {
            int c = buf[i] & 0xFF;
            if (c < 0x20 && c != '\t' || c == 0x7F) return -1;
            packed = (packed << 8) | c;
            int key = mix(packed);
            if ((table[key >>> 6] & (1L << key)) != 0 && verify(byKey[key], buf, from, to, i, hits)) found = 1;
            if (hasThrees) {
                int key3 = mix(packed & 0xFFFFFF) ^ THREE;
                if ((table[key3 >>> 6] & (1L << key3)) != 0 && verify(byKey[key3], buf, from, to, i, hits)) found = 1;
            }
            if (hasSingles && bySingle[c] != null && verify(bySingle[c], buf, from, to, i, hits)) found = 1;
        }
        return found;
    }

    private static boolean verify(Keyed[] keyed, byte[] buf, int from, int to, int at, BitSet hits) {
        if (keyed == null) return false;
        boolean any = false;
        next:
        for (Keyed k : keyed) {
            int start = at - k.offset();
            String lit = k.literal();
            if (start < from || start + lit.length() > to) continue;
            for (int j = 0; j < lit.length(); j++) if (buf[start + j] != lit.charAt(j)) continue next;
            for (int r : k.owners()) hits.set(r);
            any = true;
        }
        return any;
    }

    private static boolean verify(Keyed[] keyed, CharSequence line, int at, BitSet hits) {
        if (keyed == null) return false;
        boolean any = false;
        for (Keyed k : keyed) {
            int start = at - k.offset();
            if (start >= 0 && startsWith(line, k.literal(), start)) {
                for (int r : k.owners()) hits.set(r);
                any = true;
            }
        }
        return any;
    }

    private static boolean startsWith(CharSequence line, String literal, int at) {
        if (line instanceof String str) return str.startsWith(literal, at);
        int n = literal.length();
        if (at + n > line.length()) return false;
        for (int i = 0; i < n; i++) if (line.charAt(at + i) != literal.charAt(i)) return false;
        return true;
    }

    /**
     * True when every match of {@code regex} starts with... at least, when {@code literal} is how
     * one of the first alternatives of a "^"-anchored expression opens: "^(?:Starting kernel|...)".
     */
    static boolean opensWith(String regex, String literal) {
        if (!regex.startsWith("^")) return false;
        String body = regex.substring(1);
        List<String> alternatives = new ArrayList<>();
        if (body.startsWith("(?:")) {
            int depth = 0;
            int start = 3;
            for (int i = 3; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth-- == 0) {
                        alternatives.add(body.substring(start, i));
                        break;
                    }
                } else if (c == '|' && depth == 0) {
                    alternatives.add(body.substring(start, i));
                    start = i + 1;
                }
            }
        } else {
            alternatives.add(body);
        }
        for (String a : alternatives) {
            String plain = a.replaceAll("\\\\([^A-Za-z0-9])", "$1");
            if (plain.startsWith(literal)) return true;
        }
        return false;
    }

    /**
     * Literals one of which every match of {@code regex} contains: one per top-level alternative
     * (each alternative's {@link #requiredLiteral}), or null when an alternative has none.
     */
    static List<String> requiredLiterals(String regex) {
        if (regex.startsWith("(?i)")) return null;
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean inClass = false;
        for (int i = 0; i <= regex.length(); i++) {
            char c = i < regex.length() ? regex.charAt(i) : '|';
            if (i < regex.length() && c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') inClass = false;
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) {
                String lit = requiredLiteral(regex.substring(start, Math.min(i, regex.length())));
                if (lit == null) return null;
                out.add(lit);
                start = i + 1;
            }
        }
        return out;
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
            } else if (c == '{') {
                while (i + 1 < regex.length() && regex.charAt(i) != '}') i++;
            } else if (depth == 0 && !optional && ".^$+?*{}".indexOf(c) < 0 && c < 128) {
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
