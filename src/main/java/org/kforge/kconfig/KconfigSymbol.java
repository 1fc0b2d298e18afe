package org.kforge.kconfig;

import java.util.ArrayList;
import java.util.List;

/** A config symbol and every place that defines it (a symbol may be defined in several Kconfig files). */
public final class KconfigSymbol {
    private final String name;
    final List<MenuNode> definitions = new ArrayList<>();

    KconfigSymbol(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public List<MenuNode> definitions() {
        return definitions;
    }

    /** bool, tristate, string, int or hex: the first definition that says. */
    public String type() {
        return definitions.stream().map(MenuNode::type).filter(t -> t != null).findFirst().orElse("unknown");
    }

    /** True when some definition has a prompt, i.e. a user (or a fragment) can set it. */
    public boolean hasPrompt() {
        return definitions.stream().anyMatch(d -> d.prompt != null);
    }

    /** The symbol's dependency: the definitions' full dependencies joined with || (as Kconfig does). */
    public Expr dependency() {
        Expr e = null;
        for (MenuNode d : definitions) {
            Expr dep = d.fullDepends();
            if (dep == null) return null;
            e = Expr.or(e, dep);
        }
        return e;
    }

    /** The choice block this symbol is a member of, or null. */
    public MenuNode choice() {
        for (MenuNode d : definitions) {
            for (MenuNode p = d.parent; p != null; p = p.parent) {
                if (p.kind == MenuNode.Kind.CHOICE) return p;
            }
        }
        return null;
    }
}
