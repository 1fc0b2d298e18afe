package org.kforge.kconfig;

import java.util.Set;
import java.util.function.Function;

/** A Kconfig expression: symbols, constants, !, &&, ||, and comparisons ({@code scripts/kconfig/expr.h}). */
public sealed interface Expr {

    /** The value of the expression, given each symbol's current value as .config would write it (null: unset). */
    Tristate eval(Function<String, String> values);

    /** Adds every symbol name (not constants) the expression reads. */
    void symbols(Set<String> into);

    /** A symbol, or a constant: y/m/n, a number, a quoted string, an unexpanded $(...) call. */
    record Sym(String name, boolean constant) implements Expr {
        public Tristate eval(Function<String, String> values) {
            if (constant) return Tristate.of(name);
            String v = values.apply(name);
            return Tristate.of(v);
        }

        public void symbols(Set<String> into) {
            if (!constant) into.add(name);
        }

        /** The symbol's value as a string, for comparisons: unset bool/tristate reads "n". */
        String text(Function<String, String> values) {
            if (constant) return name;
            String v = values.apply(name);
            if (v == null) return "n";
            // .config keeps strings quoted (CONFIG_X="arm64"); Kconfig compares the bare text
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            return v;
        }

        @Override
        public String toString() {
            return constant && !ExprParser.constant(name) ? "\"" + name + "\"" : name;
        }
    }

    record Not(Expr e) implements Expr {
        public Tristate eval(Function<String, String> values) {
            return e.eval(values).not();
        }

        public void symbols(Set<String> into) {
            e.symbols(into);
        }

        @Override
        public String toString() {
            return "!" + (e instanceof Sym ? e : "(" + e + ")");
        }
    }

    record And(Expr l, Expr r) implements Expr {
        public Tristate eval(Function<String, String> values) {
            return l.eval(values).and(r.eval(values));
        }

        public void symbols(Set<String> into) {
            l.symbols(into);
            r.symbols(into);
        }

        @Override
        public String toString() {
            return paren(l) + " && " + paren(r);
        }

        private static String paren(Expr e) {
            return e instanceof Or ? "(" + e + ")" : e.toString();
        }
    }

    record Or(Expr l, Expr r) implements Expr {
        public Tristate eval(Function<String, String> values) {
            return l.eval(values).or(r.eval(values));
        }

        public void symbols(Set<String> into) {
            l.symbols(into);
            r.symbols(into);
        }

        @Override
        public String toString() {
            return l + " || " + r;
        }
    }

    /** {@code A = B}, {@code A != B}, {@code A < B} ...: y or n, compared as numbers when both read as numbers. */
    record Compare(String op, Sym l, Sym r) implements Expr {
        public Tristate eval(Function<String, String> values) {
            String a = l.text(values);
            String b = r.text(values);
            int cmp;
            Long na = number(a);
            Long nb = number(b);
            cmp = na != null && nb != null ? Long.compare(na, nb) : a.compareTo(b);
            boolean ok = switch (op) {
                case "=" -> na != null && nb != null ? cmp == 0 : a.equals(b);
                case "!=" -> na != null && nb != null ? cmp != 0 : !a.equals(b);
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                default -> cmp >= 0;
            };
            return ok ? Tristate.Y : Tristate.N;
        }

        private static Long number(String s) {
            try {
                return s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        public void symbols(Set<String> into) {
            l.symbols(into);
            r.symbols(into);
        }

        @Override
        public String toString() {
            return l + op + r;
        }
    }

    static Expr and(Expr a, Expr b) {
        if (a == null) return b;
        if (b == null) return a;
        return new And(a, b);
    }

    static Expr or(Expr a, Expr b) {
        if (a == null) return b;
        if (b == null) return a;
        return new Or(a, b);
    }
}
