package org.kforge.kconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** An expression written the way menuconfig's help does: each symbol followed by its value, {@code USB [=n]}. */
final class ExprText {
    private ExprText() {
    }

    static String annotated(Expr e, Function<String, String> values) {
        if (e instanceof Expr.Sym s) return s.constant() ? s.toString() : s.name() + " [=" + s.text(values) + "]";
        if (e instanceof Expr.Not n) {
            String inner = annotated(n.e(), values);
            return "!" + (n.e() instanceof Expr.Sym ? inner : "(" + inner + ")");
        }
        if (e instanceof Expr.And a) return paren(a.l(), values) + " && " + paren(a.r(), values);
        if (e instanceof Expr.Or o) return annotated(o.l(), values) + " || " + annotated(o.r(), values);
        Expr.Compare c = (Expr.Compare) e;
        return annotated(c.l(), values) + c.op() + annotated(c.r(), values);
    }

    private static String paren(Expr e, Function<String, String> values) {
        return e instanceof Expr.Or ? "(" + annotated(e, values) + ")" : annotated(e, values);
    }

    /** The top-level && terms of an expression. */
    static List<Expr> conjuncts(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.And a) {
            out.addAll(conjuncts(a.l()));
            out.addAll(conjuncts(a.r()));
        } else if (e != null) {
            out.add(e);
        }
        return out;
    }
}
