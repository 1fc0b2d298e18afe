package org.kforge.dt;

import java.util.HashMap;
import java.util.Map;
import org.kforge.Limits;

/**
 * Walks the structure block token by token (Devicetree Specification, 5.4). Every step moves forward by at
 * least one 4-byte token, so a bad file ends the walk; nesting is capped and no length is trusted.
 */
final class StructureBlock {
    static final int BEGIN_NODE = 1;
    static final int END_NODE = 2;
    static final int PROP = 3;
    static final int NOP = 4;
    static final int END = 9;

    private final FdtBytes b;
    private final FdtHeader h;
    private final Map<Long, String> names = new HashMap<>();

    StructureBlock(FdtBytes b, FdtHeader h) {
        this.b = b;
        this.h = h;
    }

    FdtNode read() {
        int end = h.offStruct() + h.sizeStruct();
        int pos = h.offStruct();
        FdtNode root = null;
        FdtNode cur = null;
        int depth = 0;
        while (true) {
            if (pos + 4 > end) throw b.bad(pos, "structure block ends without an FDT_END token");
            int at = pos;
            long token = b.u32(pos);
            pos += 4;
            if (token == BEGIN_NODE) {
                int nul = b.nul(pos, end, "node name");
                String name = b.latin1(pos, nul - pos);
                pos = align(nul + 1);
                if (cur == null && root != null) throw b.bad(at, "a second root node \"" + org.kforge.TerminalText.inline(name) + "\"");
                if (cur == null && !name.isEmpty()) throw b.bad(at, "the root node has a name, \"" + org.kforge.TerminalText.inline(name) + "\"");
                if (cur != null && name.isEmpty()) throw b.bad(at, "a node without a name under " + org.kforge.TerminalText.inline(cur.path()));
                if (++depth > Limits.DTB_DEPTH) throw b.bad(at, "nodes nested deeper than " + Limits.DTB_DEPTH);
                FdtNode node = new FdtNode(name, cur);
                if (cur == null) root = node;
                else cur.add(node);
                cur = node;
            } else if (token == END_NODE) {
                if (cur == null) throw b.bad(at, "FDT_END_NODE with no node open");
                cur = cur.parent();
                depth--;
            } else if (token == PROP) {
                if (cur == null) throw b.bad(at, "FDT_PROP outside any node");
                if (pos + 8 > end) throw b.bad(at, "property header runs past the structure block");
                long len = b.u32(pos);
                long nameOff = b.u32(pos + 4);
                pos += 8;
                if (len > end - pos) {
                    throw b.bad(at, "property length " + len + " runs past the structure block (" + (end - pos) + " bytes left)");
                }
                cur.add(new FdtProperty(name(at, nameOff), b.copy(pos, (int) len)));
                pos = align(pos + (int) len);
            } else if (token == END) {
                if (cur != null) throw b.bad(at, "FDT_END while " + org.kforge.TerminalText.inline(cur.path()) + " is still open");
                if (root == null) throw b.bad(at, "FDT_END before any node");
                return root;
            } else if (token != NOP) {
                throw b.bad(at, String.format("unknown token 0x%08x", token));
            }
        }
    }

    private String name(int at, long nameOff) {
        String known = names.get(nameOff);
        if (known != null) return known;
        if (nameOff >= h.sizeStrings()) {
            throw b.bad(at + 8, "property name offset " + nameOff + " lies outside the " + h.sizeStrings() + "-byte strings block");
        }
        int start = h.offStrings() + (int) nameOff;
        int nul = b.nul(start, h.offStrings() + h.sizeStrings(), "property name");
        String name = b.latin1(start, nul - start);
        names.put(nameOff, name);
        return name;
    }

    private static int align(int pos) {
        return (pos + 3) & ~3;
    }
}
