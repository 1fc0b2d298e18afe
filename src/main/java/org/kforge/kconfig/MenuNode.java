package org.kforge.kconfig;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the Kconfig menu tree: a config/menuconfig definition, a choice, a menu, an if block or a
 * comment, with the attributes written under it ({@code scripts/kconfig/lkc.h}, struct menu).
 */
public final class MenuNode {

    public enum Kind { ROOT, MENU, IF, CHOICE, CONFIG, COMMENT }

    /** An attribute with an optional {@code if} condition: a select/imply target, a default value, a range. */
    public record Conditional(Expr value, Expr cond, MenuNode from) {
    }

    public final Kind kind;
    public final MenuNode parent;
    public final String file;
    public final int line;
    public final String symbol;
    String type;
    String prompt;
    Expr promptIf;
    Expr depends;
    final List<Conditional> selects = new ArrayList<>();
    final List<Conditional> implies = new ArrayList<>();
    final List<Conditional> defaults = new ArrayList<>();

    MenuNode(Kind kind, MenuNode parent, String file, int line, String symbol) {
        this.kind = kind;
        this.parent = parent;
        this.file = file;
        this.line = line;
        this.symbol = symbol;
    }

    public String where() {
        return file + ":" + line;
    }

    public String type() {
        return type;
    }

    public String prompt() {
        return prompt;
    }

    /** The entry's own {@code depends on} expression (all of them joined with &&), or null. */
    public Expr depends() {
        return depends;
    }

    public List<Conditional> selects() {
        return selects;
    }

    public List<Conditional> implies() {
        return implies;
    }

    public List<Conditional> defaults() {
        return defaults;
    }

    /** The blocks around this entry that add a dependency, innermost last: if, menu and choice. */
    public List<MenuNode> enclosing() {
        List<MenuNode> out = new ArrayList<>();
        for (MenuNode p = parent; p != null; p = p.parent) {
            if (p.depends != null && p.kind != Kind.ROOT) out.add(0, p);
        }
        return out;
    }

    /** The whole dependency: every enclosing block's condition && the entry's own {@code depends on}. */
    public Expr fullDepends() {
        Expr e = null;
        for (MenuNode p : enclosing()) e = Expr.and(e, p.depends);
        return Expr.and(e, depends);
    }

    /** How the entry reads in a dependency listing: {@code if USB}, {@code menu "USB support"}, ... */
    public String header() {
        return switch (kind) {
            case IF -> "if " + depends;
            case MENU -> "menu \"" + prompt + "\"";
            case CHOICE -> "choice" + (prompt == null ? "" : " \"" + prompt + "\"");
            case COMMENT -> "comment \"" + prompt + "\"";
            case CONFIG -> "config " + symbol;
            case ROOT -> "mainmenu";
        };
    }
}
