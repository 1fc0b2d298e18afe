package org.kforge.kconfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every symbol of a parsed Kconfig tree, with the reverse edges {@code why} needs: who selects, implies, depends. */
public final class KconfigTree {
    private final Map<String, KconfigSymbol> symbols = new LinkedHashMap<>();
    private final Map<String, List<MenuNode.Conditional>> selectedBy = new LinkedHashMap<>();
    private final Map<String, List<MenuNode.Conditional>> impliedBy = new LinkedHashMap<>();
    private final Map<String, List<MenuNode>> dependents = new LinkedHashMap<>();
    private int files;

    KconfigSymbol define(String name) {
        return symbols.computeIfAbsent(name, KconfigSymbol::new);
    }

    void countFile() {
        files++;
    }

    /** Builds the reverse edges once every file is read. */
    void link() {
        for (KconfigSymbol s : symbols.values()) {
            for (MenuNode d : s.definitions) {
                for (MenuNode.Conditional c : d.selects) {
                    selectedBy.computeIfAbsent(c.value().toString(), k -> new ArrayList<>()).add(c);
                }
                for (MenuNode.Conditional c : d.implies) {
                    impliedBy.computeIfAbsent(c.value().toString(), k -> new ArrayList<>()).add(c);
                }
                if (d.depends != null) {
                    Set<String> read = new HashSet<>();
                    d.depends.symbols(read);
                    for (String r : read) dependents.computeIfAbsent(r, k -> new ArrayList<>()).add(d);
                }
            }
        }
    }

    public KconfigSymbol symbol(String name) {
        return symbols.get(name);
    }

    public int symbolCount() {
        return symbols.size();
    }

    public int fileCount() {
        return files;
    }

    public List<MenuNode.Conditional> selectedBy(String name) {
        return selectedBy.getOrDefault(name, List.of());
    }

    public List<MenuNode.Conditional> impliedBy(String name) {
        return impliedBy.getOrDefault(name, List.of());
    }

    /** Definitions whose own {@code depends on} reads {@code name}. */
    public List<MenuNode> dependents(String name) {
        return dependents.getOrDefault(name, List.of());
    }
}
