package org.kforge.kconfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.kforge.KforgeException;

/**
 * Why a symbol has the value it has in a config, read from the Kconfig tree: its dependency (enclosing if/menu
 * blocks included) with each symbol's value, what selects it, what it selects, whom it limits, and the
 * assignments that would turn it on. The layout follows menuconfig's help ({@code scripts/kconfig/menu.c}).
 */
public final class WhyReport {
    private static final int LIMIT = 12;

    private final KconfigTree tree;
    private final KernelConfig config;
    private final Function<String, String> values;

    public WhyReport(KconfigTree tree, KernelConfig config) {
        this.tree = tree;
        this.config = config;
        this.values = config::value;
    }

    public KconfigSymbol symbol(String name) {
        KconfigSymbol s = tree.symbol(strip(name));
        if (s == null) {
            throw KforgeException.badInput("no symbol " + strip(name) + " in this tree's Kconfig files",
                    "check the name (grep -r 'config " + strip(name) + "' in the tree)");
        }
        return s;
    }

    public boolean exists(String name) {
        return tree.symbol(strip(name)) != null;
    }

    public static String strip(String name) {
        return name.startsWith("CONFIG_") ? name.substring(7) : name;
    }

    /** The full explanation for {@code name}, wanted at {@code wanted} (y, m, a string ...). */
    public List<String> explain(String name, String wanted) {
        KconfigSymbol s = symbol(name);
        List<String> out = new ArrayList<>();
        String v = config.value(s.name());
        MenuNode first = s.definitions().get(0);
        out.add("CONFIG_" + s.name() + " (" + s.type() + (s.hasPrompt() ? " \"" + promptOf(s) + "\"" : ", no prompt")
                + ") = " + (v == null ? "n (not in the config)" : v));
        for (MenuNode d : s.definitions()) out.add("  defined at " + d.where());
        Expr dep = s.dependency();
        Tristate depValue = dep == null ? Tristate.Y : dep.eval(values);
        out.add("  Depends on: " + (dep == null ? "(nothing)" : ExprText.annotated(dep, values) + "  => " + depValue));
        for (MenuNode d : s.definitions()) {
            for (MenuNode block : d.enclosing()) {
                out.add("    " + block.header() + " [" + block.depends.eval(values) + "]  (" + block.where() + ")");
            }
            if (d.depends != null) out.add("    depends on " + d.depends + " [" + d.depends.eval(values) + "]  (" + d.where() + ")");
        }
        if (dep != null && depValue != Tristate.Y) {
            out.add("  Held at " + depValue + " by:");
            for (Expr term : ExprText.conjuncts(dep)) {
                Tristate t = term.eval(values);
                if (t != Tristate.Y) out.add("    " + ExprText.annotated(term, values) + "  => " + t);
            }
        }
        if (first != null && s.choice() != null) {
            MenuNode c = s.choice();
            out.add("  member of " + c.header() + " (" + c.where() + "): only one member of a bool choice is y");
        }
        reverse(out, "Selected by", tree.selectedBy(s.name()));
        reverse(out, "Implied by", tree.impliedBy(s.name()));
        forward(out, "Selects", s, true);
        forward(out, "Implies", s, false);
        limits(out, s);
        out.addAll(toTurnOn(s, wanted));
        return out;
    }

    /** A short account of why {@code name} is not {@code wanted}: the unmet terms, or the select that forces it. */
    public List<String> dropped(String name, String wanted) {
        KconfigSymbol s = symbol(name);
        List<String> out = new ArrayList<>();
        Tristate want = Tristate.of(wanted);
        Expr dep = s.dependency();
        if (dep != null && !dep.eval(values).atLeast(want.and(Tristate.Y).or(want))) {
            out.add("depends on " + ExprText.annotated(dep, values) + " => " + dep.eval(values));
            for (Expr term : ExprText.conjuncts(dep)) {
                if (!term.eval(values).atLeast(want)) out.add("unmet: " + ExprText.annotated(term, values));
            }
        }
        for (MenuNode.Conditional c : tree.selectedBy(s.name())) {
            Tristate by = selectValue(c);
            if (by != Tristate.N) out.add("selected by " + c.from().symbol + " [=" + by + "] (" + c.from().where() + ")");
        }
        if (!s.hasPrompt()) out.add("has no prompt: only a select or its default can set it");
        if (s.choice() != null) out.add("member of " + s.choice().header() + ": another member may be chosen");
        if (out.isEmpty()) out.add("its dependencies are met; another value came from a later fragment or a default");
        return out;
    }

    private Tristate selectValue(MenuNode.Conditional c) {
        Tristate from = Tristate.of(config.value(c.from().symbol));
        return c.cond() == null ? from : from.and(c.cond().eval(values));
    }

    private void reverse(List<String> out, String title, List<MenuNode.Conditional> edges) {
        if (edges.isEmpty()) {
            out.add("  " + title + ": (nothing)");
            return;
        }
        Tristate all = Tristate.N;
        List<String> lines = new ArrayList<>();
        for (MenuNode.Conditional c : edges) {
            Tristate by = selectValue(c);
            all = all.or(by);
            Expr e = new Expr.Sym(c.from().symbol, false);
            if (c.cond() != null) e = new Expr.And(e, c.cond());
            lines.add("  - " + ExprText.annotated(e, values) + "  (" + c.from().where() + ")");
        }
        out.add("  " + title + " [" + all + "]:");
        out.addAll(cap(lines));
    }

    private void forward(List<String> out, String title, KconfigSymbol s, boolean selects) {
        List<String> lines = new ArrayList<>();
        for (MenuNode d : s.definitions()) {
            for (MenuNode.Conditional c : selects ? d.selects() : d.implies()) {
                lines.add("  - " + ExprText.annotated(c.value(), values)
                        + (c.cond() == null ? "" : " if " + ExprText.annotated(c.cond(), values)));
            }
        }
        out.add("  " + title + ":" + (lines.isEmpty() ? " (nothing)" : ""));
        out.addAll(cap(lines));
    }

    /** Symbols whose own dependency reads this one and whose upper bound changes with its value. */
    private void limits(List<String> out, KconfigSymbol s) {
        List<String> lines = new ArrayList<>();
        for (MenuNode d : tree.dependents(s.name())) {
            KconfigSymbol other = tree.symbol(d.symbol);
            if (other == null || d.symbol.equals(s.name())) continue;
            Expr terms = null;
            for (Expr term : ExprText.conjuncts(d.depends)) {
                Set<String> read = new HashSet<>();
                term.symbols(read);
                if (read.contains(s.name())) terms = Expr.and(terms, term);
            }
            Map<Tristate, Tristate> bound = new LinkedHashMap<>();
            for (Tristate t : Tristate.values()) {
                Expr e = terms;
                bound.put(t, e.eval(k -> k.equals(s.name()) ? t.toString() : config.value(k)));
            }
            Tristate current = Tristate.of(config.value(other.name()));
            boolean moduleForcesModule = bound.get(Tristate.M).ordinal() < Math.max(bound.get(Tristate.Y).ordinal(),
                    bound.get(Tristate.N).ordinal());
            boolean limitsEnabled = current != Tristate.N && bound.values().stream().anyMatch(b -> !b.atLeast(current));
            if (!moduleForcesModule && !limitsEnabled) continue;
            lines.add("  - " + other.name() + " [=" + config.valueOrN(other.name()) + "] depends on " + terms
                    + "  (" + d.where() + "): with " + s.name() + "=y it can be at most " + bound.get(Tristate.Y)
                    + ", with =m at most " + bound.get(Tristate.M) + ", with =n at most " + bound.get(Tristate.N));
        }
        if (!lines.isEmpty()) {
            out.add("  Limits:");
            out.addAll(cap(lines));
        }
    }

    private static List<String> cap(List<String> lines) {
        if (lines.size() <= LIMIT) return lines;
        List<String> out = new ArrayList<>(lines.subList(0, LIMIT));
        out.add("  ... and " + (lines.size() - LIMIT) + " more");
        return out;
    }

    private static String promptOf(KconfigSymbol s) {
        return s.definitions().stream().map(MenuNode::prompt).filter(p -> p != null).findFirst().orElse("");
    }

    /** The assignments, dependencies first, that would let {@code name} take {@code wanted}. */
    public List<String> toTurnOn(KconfigSymbol s, String wanted) {
        Tristate want = Tristate.of(wanted) == Tristate.N ? Tristate.Y : Tristate.of(wanted);
        Map<String, String> overlay = new HashMap<>();
        List<String> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Function<String, String> with = k -> overlay.containsKey(k) ? overlay.get(k) : config.value(k);
        need(new Expr.Sym(s.name(), false), want, with, overlay, steps, notes, new HashSet<>(), 0);
        List<String> out = new ArrayList<>();
        if (steps.isEmpty() && notes.isEmpty()) {
            out.add("  To turn it on: nothing more, its dependencies allow " + want);
            return out;
        }
        out.add("  To turn it on (" + want + "), set in this order:");
        steps.forEach(st -> out.add("    CONFIG_" + st));
        notes.forEach(n -> out.add("    note: " + n));
        return out;
    }

    private void need(Expr e, Tristate want, Function<String, String> with, Map<String, String> overlay,
                      List<String> steps, List<String> notes, Set<String> seen, int depth) {
        if (e.eval(with).atLeast(want)) return;
        if (depth > 12) {
            notes.add("dependency chain too deep at " + e);
            return;
        }
        if (e instanceof Expr.And a) {
            need(a.l(), want, with, overlay, steps, notes, seen, depth + 1);
            need(a.r(), want, with, overlay, steps, notes, seen, depth + 1);
        } else if (e instanceof Expr.Or o) {
            int l = o.l().eval(with).ordinal();
            int r = o.r().eval(with).ordinal();
            boolean left = l != r ? l > r : cost(o.l()) <= cost(o.r());
            need(left ? o.l() : o.r(), want, with, overlay, steps, notes, seen, depth + 1);
        } else if (e instanceof Expr.Not n && n.e() instanceof Expr.Sym s && !s.constant()) {
            overlay.put(s.name(), want.not().toString());
            steps.add(s.name() + "=" + want.not());
        } else if (e instanceof Expr.Sym s && !s.constant()) {
            if (!seen.add(s.name())) return;
            KconfigSymbol sym = tree.symbol(s.name());
            if (sym == null) {
                notes.add(s.name() + " is not defined for this architecture: it stays n");
                return;
            }
            Expr dep = sym.dependency();
            if (dep != null) need(dep, want, with, overlay, steps, notes, seen, depth + 1);
            Tristate v = "bool".equals(sym.type()) ? Tristate.Y : want;
            overlay.put(s.name(), v.toString());
            if (sym.hasPrompt()) {
                steps.add(s.name() + "=" + v);
            } else {
                List<String> by = tree.selectedBy(s.name()).stream().map(c -> c.from().symbol).distinct().limit(5).toList();
                steps.add(s.name() + "=" + v + "   (no prompt: follows from its default"
                        + (by.isEmpty() ? "" : " or a select by " + String.join(", ", by)) + ")");
            }
        } else {
            notes.add("needs " + e + " (now " + ExprText.annotated(e, with) + ")");
        }
    }

    private static int cost(Expr e) {
        Set<String> s = new HashSet<>();
        e.symbols(s);
        return s.size();
    }
}
