package org.kforge.dt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Nodes and properties added, removed or changed between two trees, in the order of the first tree. */
public final class TreeDiff {
    /** One difference: '+' added, '-' removed, '~' changed; {@code property} is null for a whole node. */
    public record Change(char kind, String path, String property, String before, String after) {
        @Override
        public String toString() {
            if (property == null) return kind + " " + path;
            String where = path + ":" + property;
            return switch (kind) {
                case '+' -> "+ " + where + " = " + after;
                case '-' -> "- " + where + " = " + before;
                default -> "~ " + where + ": " + before + " -> " + after;
            };
        }
    }

    private TreeDiff() {
    }

    public static List<Change> between(Fdt a, Fdt b) {
        List<Change> out = new ArrayList<>();
        node(a.root(), b.root(), out);
        return out;
    }

    private static void node(FdtNode a, FdtNode b, List<Change> out) {
        String path = a.path();
        for (FdtProperty p : a.properties()) {
            Optional<FdtProperty> q = b.property(p.name());
            if (q.isEmpty()) out.add(new Change('-', path, p.name(), show(p), null));
            else if (!p.sameValue(q.get())) out.add(new Change('~', path, p.name(), show(p), show(q.get())));
        }
        for (FdtProperty q : b.properties()) {
            if (!a.has(q.name())) out.add(new Change('+', path, q.name(), null, show(q)));
        }
        for (FdtNode c : a.children()) {
            Optional<FdtNode> d = b.child(c.name());
            if (d.isPresent()) node(c, d.get(), out);
            else out.add(new Change('-', c.path(), null, null, null));
        }
        for (FdtNode d : b.children()) {
            if (a.child(d.name()).isEmpty()) out.add(new Change('+', d.path(), null, null, null));
        }
    }

    private static String show(FdtProperty p) {
        String v = DtsValue.of(p.value());
        return v.isEmpty() ? "(empty)" : v;
    }
}
