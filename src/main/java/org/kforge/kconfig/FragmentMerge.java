package org.kforge.kconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kforge.KforgeException;

/**
 * Fragments merged on a base config with {@code scripts/kconfig/merge_config.sh} semantics: later wins, and a
 * value one fragment sets that an earlier one set differently is reported as redefined. Every value a fragment
 * or {@code --set} names is remembered as asked for, so the result can be proved after olddefconfig.
 */
public final class FragmentMerge {
    private final Map<String, String> merged;
    private final Map<String, String> asked = new LinkedHashMap<>();
    private final Map<String, String> askedBy = new LinkedHashMap<>();
    private final List<String> redefinitions = new ArrayList<>();

    public FragmentMerge(KernelConfig base) {
        this.merged = new LinkedHashMap<>(base.values());
    }

    /**
     * A fragment by path, or by name: from the tree ({@code arch/ARCH/configs/}, then {@code kernel/configs/}),
     * then kforge's own ({@code kconfig/fragments/}, e.g. qemu-virt-arm64.config for the twin).
     */
    public static KernelConfig fragment(String fragment, Path source, String arch) {
        Path p = Path.of(fragment);
        if (Files.isRegularFile(p)) return KernelConfig.read(p);
        for (String name : List.of(fragment, fragment + ".config")) {
            for (String dir : List.of("arch/" + arch + "/configs/", "kernel/configs/")) {
                Path q = source.resolve(dir + name);
                if (Files.isRegularFile(q)) return KernelConfig.parse(dir + name, read(q));
            }
            try (InputStream in = FragmentMerge.class.getResourceAsStream("/kconfig/fragments/" + name)) {
                if (in != null) return KernelConfig.parse("kforge:" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw KforgeException.badInput("no fragment " + fragment + " (not a file, nor in arch/" + arch
                + "/configs/, kernel/configs/ or kforge's fragments)", "ls " + source.resolve("kernel/configs"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw KforgeException.badInput("cannot read " + p + ": " + e.getMessage(), null);
        }
    }

    public void add(KernelConfig fragment) {
        fragment.values().forEach((name, value) -> {
            String before = asked.get(name);
            if (before != null && !before.equals(value)) {
                redefinitions.add("CONFIG_" + name + " redefined by " + fragment.origin() + ": " + before + " (from "
                        + askedBy.get(name) + ") -> " + value);
            }
            asked.put(name, value);
            askedBy.put(name, fragment.origin());
            merged.put(name, value);
        });
    }

    /** The merged config as .config lines, for olddefconfig to complete. */
    public String text() {
        StringBuilder b = new StringBuilder();
        merged.forEach((k, v) -> b.append(KernelConfig.line(k, v)).append('\n'));
        return b.toString();
    }

    public Map<String, String> asked() {
        return asked;
    }

    public String askedBy(String name) {
        return askedBy.get(name);
    }

    public List<String> redefinitions() {
        return redefinitions;
    }

    /** True when {@code result} holds the asked value; an asked n is met by an absent symbol too. */
    public static boolean survived(String asked, String result) {
        if (result == null) return "n".equals(asked);
        return asked.equals(result);
    }
}
