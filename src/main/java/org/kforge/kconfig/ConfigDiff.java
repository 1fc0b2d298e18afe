package org.kforge.kconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Two configs compared the way {@code scripts/diffconfig} does: removed, changed, then added, each sorted. */
public record ConfigDiff(List<String> removed, List<String> changed, List<String> added, KernelConfig a, KernelConfig b) {

    public static ConfigDiff of(KernelConfig a, KernelConfig b) {
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        Map<String, String> av = a.values();
        Map<String, String> bv = b.values();
        for (String k : new TreeSet<>(av.keySet())) {
            if (!bv.containsKey(k)) removed.add(k);
            else if (!av.get(k).equals(bv.get(k))) changed.add(k);
        }
        for (String k : new TreeSet<>(bv.keySet())) {
            if (!av.containsKey(k)) added.add(k);
        }
        return new ConfigDiff(removed, changed, added, a, b);
    }

    /** diffconfig's default output: {@code -X old}, {@code  X old -> new}, {@code +X new}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        removed.forEach(k -> out.add("-" + k + " " + a.value(k)));
        changed.forEach(k -> out.add(" " + k + " " + a.value(k) + " -> " + b.value(k)));
        added.forEach(k -> out.add("+" + k + " " + b.value(k)));
        return out;
    }

    /** diffconfig -m: the changed and added values of B as config lines, ready to merge on top of A. */
    public List<String> mergeLines() {
        List<String> out = new ArrayList<>();
        changed.forEach(k -> out.add(KernelConfig.line(k, b.value(k))));
        added.forEach(k -> out.add(KernelConfig.line(k, b.value(k))));
        return out;
    }
}
