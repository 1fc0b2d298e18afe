package org.kforge.dt;

import java.util.List;
import java.util.Optional;
import org.kforge.KforgeException;

/** Finds the node a user means: an absolute path, an /aliases name, or a node name that is unique in the tree. */
public final class NodeLookup {
    private NodeLookup() {
    }

    public static FdtNode resolve(Fdt fdt, String spec) {
        if (spec.startsWith("/")) {
            return fdt.node(spec).orElseThrow(() -> KforgeException.badInput("no node " + spec + " in the tree",
                    "list the paths with: kforge dt show DTB | less"));
        }
        String alias = fdt.aliases().get(spec);
        if (alias != null) {
            Optional<FdtNode> n = fdt.node(alias);
            if (n.isPresent()) return n.get();
            throw KforgeException.badInput("alias " + spec + " points to " + alias + ", which is not in the tree", null);
        }
        List<FdtNode> named = fdt.nodes().stream().filter(n -> n.name().equals(spec)).toList();
        if (named.isEmpty()) named = fdt.nodes().stream().filter(n -> !n.isRoot() && n.baseName().equals(spec)).toList();
        if (named.size() == 1) return named.get(0);
        if (named.isEmpty()) {
            throw KforgeException.badInput("no node, alias or path " + spec + " in the tree",
                    "aliases: " + String.join(", ", fdt.aliases().keySet()));
        }
        throw KforgeException.badInput(spec + " names " + named.size() + " nodes: "
                + String.join(", ", named.stream().limit(5).map(FdtNode::path).toList())
                + (named.size() > 5 ? ", ..." : ""), "give the full path");
    }
}
