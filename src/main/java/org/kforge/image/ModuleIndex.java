package org.kforge.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kforge.KforgeException;

/**
 * A kernel's module index as depmod writes it (modules.dep, modules.builtin, modules.softdep,
 * modules.alias; see depmod(8) and modules.dep(5)): which modules exist, which are built in, and in
 * which order to load a set of them with everything they depend on.
 */
public final class ModuleIndex {
    private final Path dir;
    private final Map<String, String> pathOf = new HashMap<>();
    private final Map<String, List<String>> depsOf = new HashMap<>();
    private final Map<String, List<String>> softPre = new HashMap<>();
    private final Map<String, String> alias = new HashMap<>();
    private final Set<String> builtin = new HashSet<>();

    private ModuleIndex(Path dir) {
        this.dir = dir;
    }

    /** Reads the index of {@code lib/modules/RELEASE}; modules.dep must exist (see {@link Depmod}). */
    public static ModuleIndex read(Path modulesDir) {
        ModuleIndex idx = new ModuleIndex(modulesDir);
        try {
            for (String line : Files.readAllLines(modulesDir.resolve("modules.dep"))) {
                int colon = line.indexOf(':');
                if (colon < 0) continue;
                String path = line.substring(0, colon).strip();
                String name = name(path);
                idx.pathOf.put(name, path);
                List<String> deps = new ArrayList<>();
                for (String d : line.substring(colon + 1).strip().split("\\s+")) {
                    if (!d.isEmpty()) deps.add(name(d));
                }
                idx.depsOf.put(name, deps);
            }
            for (String line : lines(modulesDir.resolve("modules.builtin"))) {
                if (!line.isBlank()) idx.builtin.add(name(line.strip()));
            }
            for (String line : lines(modulesDir.resolve("modules.softdep"))) {
                String[] w = line.strip().split("\\s+");
                if (w.length < 3 || !w[0].equals("softdep")) continue;
                List<String> pre = new ArrayList<>();
                for (int i = 3; i < w.length && !w[i].equals("post:"); i++) pre.add(w[i]);
                if (w[2].equals("pre:")) idx.softPre.put(normal(w[1]), pre);
            }
            for (String line : lines(modulesDir.resolve("modules.alias"))) {
                String[] w = line.strip().split("\\s+");
                if (w.length == 3 && w[0].equals("alias") && !w[1].contains("*")) idx.alias.putIfAbsent(w[1], normal(w[2]));
            }
        } catch (IOException e) {
            throw KforgeException.badInput("cannot read the module index in " + modulesDir + ": " + e.getMessage(),
                    "run depmod -b for that tree");
        }
        return idx;
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.exists(p) ? Files.readAllLines(p) : List.of();
    }

    /** The module name of a path: {@code kernel/fs/ext4/ext4.ko.xz} is {@code ext4}; dashes read as underscores. */
    static String name(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        int ko = base.indexOf(".ko");
        return normal(ko >= 0 ? base.substring(0, ko) : base);
    }

    private static String normal(String name) {
        return name.replace('-', '_');
    }

    public boolean isBuiltin(String module) {
        return builtin.contains(normal(module));
    }

    /**
     * The files to load, in order (dependencies and soft pre-dependencies first), for the wanted
     * modules; built-in ones need nothing. An unknown module is an error naming the release.
     */
    public List<Path> loadOrder(List<String> wanted) {
        LinkedHashSet<String> order = new LinkedHashSet<>();
        for (String w : wanted) visit(normal(w), order, new HashSet<>(), true);
        return order.stream().map(n -> dir.resolve(pathOf.get(n))).toList();
    }

    private void visit(String name, LinkedHashSet<String> order, Set<String> path, boolean required) {
        if (order.contains(name) || builtin.contains(name) || !path.add(name)) return;
        if (!pathOf.containsKey(name)) {
            if (!required) return;
            throw KforgeException.badInput("module " + name + " is neither built in nor shipped in " + dir.getFileName(),
                    "check the kernel's .config (CONFIG_ option for " + name + ") or the module name");
        }
        for (String pre : softPre.getOrDefault(name, List.of())) {
            visit(alias.getOrDefault(pre, normal(pre)), order, path, false);
        }
        for (String dep : depsOf.getOrDefault(name, List.of())) visit(dep, order, path, true);
        order.add(name);
    }
}
