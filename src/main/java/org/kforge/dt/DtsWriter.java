package org.kforge.dt;

import org.kforge.TerminalText;

/**
 * Writes a tree as DTS text exactly as dtc 1.6 does for a DTB input (dtc's treesource.c, dt_to_source):
 * tabs, a blank line before each child, values guessed by {@link DtsValue}, phandles as plain cells.
 */
public final class DtsWriter {
    private DtsWriter() {
    }

    public static String source(Fdt fdt) {
        StringBuilder out = new StringBuilder(fdt.root().children().size() * 1024);
        out.append("/dts-v1/;\n\n");
        for (MemReserve r : fdt.reservations()) {
            out.append(String.format("/memreserve/\t0x%016x 0x%016x;\n", r.address(), r.size()));
        }
        node(out, fdt.root(), 0);
        return TerminalText.visible(out.toString());
    }

    /** One node and everything under it, starting at nesting level {@code level}. */
    public static String node(FdtNode node) {
        StringBuilder out = new StringBuilder();
        node(out, node, 0);
        return TerminalText.visible(out.toString());
    }

    private static void node(StringBuilder out, FdtNode node, int level) {
        indent(out, level);
        out.append(node.isRoot() ? "/" : node.name()).append(" {\n");
        for (FdtProperty p : node.properties()) {
            indent(out, level + 1);
            out.append(p.name());
            DtsValue.append(out, p.value());
            out.append(";\n");
        }
        for (FdtNode c : node.children()) {
            out.append('\n');
            node(out, c, level + 1);
        }
        indent(out, level);
        out.append("};\n");
    }

    private static void indent(StringBuilder out, int level) {
        for (int i = 0; i < level; i++) out.append('\t');
    }
}
