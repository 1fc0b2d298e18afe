package org.kforge.kconfig;

import java.util.List;
import org.kforge.Limits;

/** Recursive descent over Kconfig's expression grammar: || below && below ! below comparisons ({@code parser.y}). */
final class ExprParser {
    private final List<KconfigToken> tokens;
    private int pos;
    private int depth;

    private ExprParser(List<KconfigToken> tokens) {
        this.tokens = tokens;
    }

    /** Parses all of {@code tokens}; IllegalArgumentException when they are not one expression. */
    static Expr parse(List<KconfigToken> tokens) {
        if (tokens.isEmpty()) throw new IllegalArgumentException("missing expression");
        if (tokens.size() > Limits.EXPR_TOKENS) {
            throw new IllegalArgumentException("an expression of " + tokens.size() + " tokens, more than the " + Limits.EXPR_TOKENS + " kforge reads");
        }
        ExprParser p = new ExprParser(tokens);
        Expr e = p.or();
        if (p.pos != tokens.size()) throw new IllegalArgumentException("unexpected '" + tokens.get(p.pos).text() + "'");
        return e;
    }

    private Expr or() {
        Expr e = and();
        while (op("||")) e = new Expr.Or(e, and());
        return e;
    }

    private Expr and() {
        Expr e = unary();
        while (op("&&")) e = new Expr.And(e, unary());
        return e;
    }

    private Expr unary() {
        if (op("!")) return new Expr.Not(nested(this::unary));
        if (op("(")) {
            Expr e = nested(this::or);
            if (!op(")")) throw new IllegalArgumentException("missing ')'");
            return e;
        }
        Expr.Sym left = symbol();
        for (String c : List.of("=", "!=", "<=", ">=", "<", ">")) {
            if (op(c)) return new Expr.Compare(c, left, symbol());
        }
        return left;
    }

    private Expr nested(java.util.function.Supplier<Expr> inner) {
        if (++depth > Limits.EXPR_DEPTH) {
            throw new IllegalArgumentException("'(' and '!' nested more than " + Limits.EXPR_DEPTH + " deep");
        }
        Expr e = inner.get();
        depth--;
        return e;
    }

    private Expr.Sym symbol() {
        if (pos >= tokens.size()) throw new IllegalArgumentException("expression ends too early");
        KconfigToken t = tokens.get(pos++);
        if (t.kind() == KconfigToken.Kind.OP) throw new IllegalArgumentException("unexpected '" + t.text() + "'");
        if (t.kind() == KconfigToken.Kind.STRING) return new Expr.Sym(t.text(), true);
        String w = t.text();
        boolean constant = constant(w);
        return new Expr.Sym(w, constant);
    }

    /** y, m, n, a decimal or hex number, or an unexpanded macro call. */
    static boolean constant(String w) {
        if (w.length() == 1) return "ymn".indexOf(w.charAt(0)) >= 0 || Character.isDigit(w.charAt(0));
        if (w.startsWith("$(")) return true;
        if (w.startsWith("0x") || w.startsWith("0X")) return w.length() > 2;
        int from = w.charAt(0) == '-' ? 1 : 0;
        for (int i = from; i < w.length(); i++) if (!Character.isDigit(w.charAt(i))) return false;
        return w.length() > from;
    }

    private boolean op(String text) {
        if (pos < tokens.size() && tokens.get(pos).kind() == KconfigToken.Kind.OP && tokens.get(pos).text().equals(text)) {
            pos++;
            return true;
        }
        return false;
    }
}
