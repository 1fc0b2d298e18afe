package org.kforge.jtag;

import java.util.List;
import java.util.Map;
import org.kforge.KforgeException;
import org.kforge.NumberArg;

/** Typed reads from a raw YAML map, each failure one line naming the key (exit 2). */
final class Fields {
    private final Map<String, ?> map;
    private final String where;

    Fields(Map<String, ?> map, String where) {
        this.map = map;
        this.where = where;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    @SuppressWarnings("unchecked")
    Fields map(String key) {
        Object v = map.get(key);
        if (!(v instanceof Map)) throw bad(key, "must be a map");
        return new Fields((Map<String, ?>) v, where + "." + key);
    }

    String text(String key, String fallback) {
        Object v = map.get(key);
        if (v == null) return fallback;
        if (v instanceof Map || v instanceof List) throw bad(key, "must be a single value");
        return v.toString().strip();
    }

    int number(String key, int fallback) {
        Object v = map.get(key);
        if (v == null) return fallback;
        if (v instanceof Number n && n.intValue() > 0) return n.intValue();
        try {
            int n = Integer.parseInt(v.toString().strip());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "must be a positive number, not " + v);
    }

    long hex(String key, long fallback) {
        Object v = map.get(key);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.longValue();
        return NumberArg.parse(where + "." + key, v.toString());
    }

    boolean flag(String key, boolean fallback) {
        Object v = map.get(key);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        throw bad(key, "must be true or false, not " + v);
    }

    List<String> list(String key) {
        Object v = map.get(key);
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) throw bad(key, "must be a list");
        return l.stream().map(String::valueOf).toList();
    }

    private KforgeException bad(String key, String why) {
        return KforgeException.badInput(where + "." + key + " " + why, "fix the board file");
    }
}
