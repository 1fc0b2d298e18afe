package org.kforge.console;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cheap first look at a line: which rules' required literals occur in it, so that only those
 * rules run their regular expression. A literal of five characters or more is keyed by its rarest
 * two overlapping runs of four characters, hashed into a 64 Kbit table that stays in the L1 cache;
 * a line is read four bytes at a time at every other position (one load, one multiply, one bit
 * test: any occurrence puts one of its two keys on an even position), and only where a key occurs
 * are the literals with that key compared in place. A shorter literal is looked for where its
 * rarest character occurs (eight bytes at a time).
 * Literals are ASCII; any other character simply never matches.
 */
final class LiteralScan {
    private static final int SHORT = 5;
    private final long[] quads = new long[(1 << 16) / 64];
    private final Keyed[][] byQuad = new Keyed[1 << 16][];
    /** Short literals by the character they are looked for by, and those characters. */
    private final Keyed[][] byAnchor = new Keyed[256][];
    private final byte[] anchors;

    /** A literal, the rules it belongs to, and where its key sits in it. */
    private record Keyed(String literal, int[] owners, int offset, byte[] bytes) {
        Keyed(String literal, int[] owners, int offset) {
            // compared as bytes: String.charAt is a call per character under C1
            this(literal, owners, offset, literal.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    /** Literals that must open the message (the rule's pattern starts with ^): checked once per line. */
    private final Keyed[][] atStart = new Keyed[256][];
    private final boolean hasStarts;

    /** {@code literals.get(i)} is the literal of rule {@code owners.get(i)}. */
    LiteralScan(List<String> literals, List<Integer> owners) {
        this(literals, owners, List.of(), List.of());
    }

    /** As above, plus literals that can only match at the start of the message. */
    LiteralScan(List<String> literals, List<Integer> owners, List<String> prefixes, List<Integer> prefixOwners) {
        List<Keyed> starts = new ArrayList<>();
        for (int i = 0; i < prefixes.size(); i++) starts.add(new Keyed(prefixes.get(i), new int[] {prefixOwners.get(i)}, 0));
        // indexed by their first character: a line looks at the few that could open it
        Map<Integer, List<Keyed>> byFirst = new HashMap<>();
        for (Keyed k : starts) byFirst.computeIfAbsent((int) k.literal().charAt(0) & 0xFF, x -> new ArrayList<>()).add(k);
        byFirst.forEach((c, v) -> atStart[c] = v.toArray(new Keyed[0]));
        hasStarts = !starts.isEmpty();
        Map<String, List<Integer>> owned = new LinkedHashMap<>();
        for (int i = 0; i < literals.size(); i++) {
            String lit = literals.get(i);
            for (char c : lit.toCharArray()) {
                if (c >= 128) throw new IllegalArgumentException("non-ASCII literal " + lit);
            }
            if (lit.isEmpty()) throw new IllegalArgumentException("empty literal");
            owned.computeIfAbsent(lit, x -> new ArrayList<>()).add(owners.get(i));
        }
        Map<Integer, List<Keyed>> quadLists = new HashMap<>();
        Map<Integer, List<Keyed>> anchorLists = new LinkedHashMap<>();
        owned.forEach((lit, who) -> {
            int[] rules = who.stream().mapToInt(Integer::intValue).distinct().toArray();
            if (lit.length() < SHORT) {
                int best = 0;
                for (int k = 1; k < lit.length(); k++) if (common(lit.charAt(k)) < common(lit.charAt(best))) best = k;
                anchorLists.computeIfAbsent((int) lit.charAt(best), x -> new ArrayList<>()).add(new Keyed(lit, rules, best));
                return;
            }
            int best = 0;
            for (int k = 1; k + 5 <= lit.length(); k++) {
                if (rarity(lit, k) < rarity(lit, best)) best = k;
            }
            for (int at = best; at <= best + 1; at++) {
                int key = quad(lit.charAt(at), lit.charAt(at + 1), lit.charAt(at + 2), lit.charAt(at + 3));
                quads[key >>> 6] |= 1L << key;
                quadLists.computeIfAbsent(key, x -> new ArrayList<>()).add(new Keyed(lit, rules, at));
            }
        });
        quadLists.forEach((k, v) -> byQuad[k] = v.toArray(new Keyed[0]));
        anchorLists.forEach((c, v) -> byAnchor[c] = v.toArray(new Keyed[0]));
        anchors = new byte[anchorLists.size()];
        int i = 0;
        for (int c : anchorLists.keySet()) anchors[i++] = (byte) c;
    }

    /** Four characters (the first lowest, as a little-endian read of their bytes gives them) hashed to 16 bits: one multiply. */
    private static int quad(int a, int b, int c, int d) {
        return mix((a & 0xFF) | (b & 0xFF) << 8 | (c & 0xFF) << 16 | (d & 0xFF) << 24);
    }

    private static int mix(int packed) {
        return (packed * 0x9E3779B1) >>> 16;
    }

    /**
     * Printable ASCII from the most to the least common in console logs (counted over the project's
     * corpora: crash-dense logs full of hex addresses): a guide to which characters of a literal are rare.
     */
    private static final String BY_FREQUENCY =
            " 0e1rcoasitdf_2m4n3x.86l[5:]7p9ubv-g=/h)(+yk,#qCPSRIwADTMOENBU*>KL<F;HGXz'VWQj^Y!Z?@J\"\\&~|%`{}$";

    /** How common the five characters from {@code at} are likely to be, as two runs of four (lower is rarer). */
    private static long rarity(String lit, int at) {
        long r = 1;
        for (int i = at; i < at + 5; i++) r *= common(lit.charAt(i));
        return r;
    }

    /** A character's rank from the rare end of {@link #BY_FREQUENCY}. */
    private static long common(char c) {
        int rank = BY_FREQUENCY.indexOf(c);
        return rank < 0 ? 1 : BY_FREQUENCY.length() + 1 - rank;
    }

    /** Sets the bit of every rule whose literal occurs in {@code line}; false when none does. */
    boolean scan(String line, BitSet hits) {
        return scan(line, 0, hits);
    }

    /** As {@link #scan(String, BitSet)}, from index {@code from} of the line. */
    boolean scan(CharSequence line, int from, BitSet hits) {
        int n = line.length();
        boolean any = hasStarts && from < n && verify(atStart[line.charAt(from) & 0xFF], line, from, hits);
        for (int i = from; i + 4 <= n; i += 2) {
            int key = quad(line.charAt(i), line.charAt(i + 1), line.charAt(i + 2), line.charAt(i + 3));
            if ((quads[key >>> 6] & (1L << key)) != 0) any |= verify(byQuad[key], line, i, hits);
        }
        if (anchors.length > 0) {
            for (int i = from; i < n; i++) {
                char c = line.charAt(i);
                if (c < 256) any |= verify(byAnchor[c], line, i, hits);
            }
        }
        return any;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The same look at bytes [from, to) of a read buffer (ISO-8859-1) that hold no control byte (the
     * reader saw to that): true when a literal occurs (its rules' bits set).
     */
    boolean scan(byte[] buf, int from, int to, BitSet hits) {
        final long[] table = quads;
        boolean found = hasStarts && from < to && verify(atStart[buf[from] & 0xFF], buf, from, to, from, hits);
        for (int i = from; i + 4 <= to; i += 2) {
            int key = mix((int) INTS.get(buf, i));
            if ((table[key >>> 6] & (1L << key)) != 0 && verify(byQuad[key], buf, from, to, i, hits)) found = true;
        }
        for (byte a : anchors) if (findAnchor(a, buf, from, to, hits)) found = true;
        return found;
    }

    /** Verifies the short literals anchored on byte {@code a} wherever it occurs in [from, to): eight bytes at a time. */
    private boolean findAnchor(byte a, byte[] buf, int from, int to, BitSet hits) {
        Keyed[] keyed = byAnchor[a & 0xFF];
        long pattern = (a & 0xFFL) * ONES;
        boolean found = false;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(buf, i) ^ pattern;
            long zero = (x - ONES) & ~x & HIGHS;
            while (zero != 0) {
                int at = i + (Long.numberOfTrailingZeros(zero) >>> 3);
                // the lowest flagged byte is a true one; a borrow may flag the next: verify() compares anyway
                if (buf[at] == a) found |= verify(keyed, buf, from, to, at, hits);
                zero &= zero - 1;
            }
        }
        for (; i < to; i++) if (buf[i] == a) found |= verify(keyed, buf, from, to, i, hits);
        return found;
    }

    private static boolean verify(Keyed[] keyed, byte[] buf, int from, int to, int at, BitSet hits) {
        if (keyed == null) return false;
        boolean any = false;
        next:
        for (Keyed k : keyed) {
            int start = at - k.offset();
            byte[] lit = k.bytes();
            if (start < from || start + lit.length > to) continue;
            for (int j = 0; j < lit.length; j++) if (buf[start + j] != lit[j]) continue next;
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
     * More sets of literals every match of {@code regex} contains (one literal of each set), read from
     * the pattern itself: its {@link #requiredLiterals}, and those of each group at its top level that
     * is neither optional nor a look-around ("(brcmfmac|ath1[01]k\\S*|...)"). A rule whose loose
     * {@code needs} literal ("failed") occurs runs its expression only when these occur too. Sets with a
     * literal shorter than five characters are left out (they cost a look at every byte), and so is, in each
     * alternative, a run that one of {@code needs} already holds ("WARNING" beside "WARNING: ").
     */
    static List<List<String>> clauses(String regex, List<String> needs) {
        List<List<String>> out = new ArrayList<>();
        if (regex.matches("(?s).*\\(\\?[^:!=].*")) return out; // inline flags, named groups: not read here
        java.util.function.Predicate<String> tighter = run -> needs.stream().noneMatch(n -> n.contains(run));
        add(out, requiredLiterals(regex, tighter));
        List<List<String>> groups = new ArrayList<>();
        boolean inClass = false;
        int depth = 0;
        int open = -1;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '|' && depth == 0) {
                return out; // a top-level alternative: no group is required
            } else if (c == '(') {
                if (depth++ == 0) open = i;
            } else if (c == ')' && --depth == 0) {
                boolean optional = i + 1 < regex.length() && "?*{".indexOf(regex.charAt(i + 1)) >= 0;
                boolean lookaround = regex.startsWith("(?", open) && !regex.startsWith("(?:", open);
                String body = regex.substring(regex.startsWith("(?:", open) ? open + 3 : open + 1, i);
                if (!optional && !lookaround) groups.add(requiredLiterals(body, tighter));
            }
        }
        for (List<String> g : groups) add(out, g);
        return out;
    }

    private static void add(List<List<String>> clauses, List<String> literals) {
        if (literals == null || literals.isEmpty() || clauses.contains(literals)) return;
        for (String l : literals) {
            if (l.length() < SHORT || !l.chars().allMatch(ch -> ch < 128)) return;
        }
        clauses.add(literals);
    }

    /**
     * Literals one of which every match of {@code regex} contains: one per top-level alternative
     * (each alternative's {@link #requiredLiteral}), or null when an alternative has none.
     */
    static List<String> requiredLiterals(String regex) {
        return requiredLiterals(regex, run -> true);
    }

    /** As {@link #requiredLiterals(String)}, preferring the runs that are {@code usable}. */
    static List<String> requiredLiterals(String regex, java.util.function.Predicate<String> usable) {
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
                String lit = requiredLiteral(regex.substring(start, Math.min(i, regex.length())), usable);
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
        return requiredLiteral(regex, run -> true);
    }

    /**
     * Escapes whose following characters are not themselves ("\\x41", "\\u00e9", "\\pL"...) and class
     * intersections: not read here, so an expression that holds one has no required literal. (A fact quoted
     * into a clearedBy pattern, "\\Q...\\E", is read as before: its letters stand for themselves.)
     */
    private static final java.util.regex.Pattern UNREAD = java.util.regex.Pattern.compile("\\\\[xu0cNkpP]|&&\\[");

    /** As {@link #requiredLiteral(String)}, preferring the runs that are {@code usable}. */
    static String requiredLiteral(String regex, java.util.function.Predicate<String> usable) {
        if (regex.startsWith("(?i)") || UNREAD.matcher(regex).find()) return null;
        String best = "";
        String longest = "";
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
            if (run.length() > longest.length()) longest = run.toString();
            if (run.length() > best.length() && usable.test(run.toString())) best = run.toString();
            run.setLength(0);
        }
        if (run.length() > longest.length()) longest = run.toString();
        if (run.length() > best.length() && usable.test(run.toString())) best = run.toString();
        if (best.length() < 3) best = longest;
        return best.length() >= 3 ? best : null;
    }
}
