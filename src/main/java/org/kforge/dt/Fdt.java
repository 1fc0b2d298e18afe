package org.kforge.dt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kforge.KforgeException;
import org.kforge.Limits;

/** A flattened device tree read from a DTB: header, memory reservations and the node tree. Nothing is trusted. */
public final class Fdt {
    /** Far larger than any real DTB (QEMU's are 1 MiB); refuses to read a disk image by mistake. */

    private final FdtHeader header;
    private final List<MemReserve> reservations;
    private final FdtNode root;
    private Map<Long, FdtNode> phandles;

    private Fdt(FdtHeader header, List<MemReserve> reservations, FdtNode root) {
        this.header = header;
        this.reservations = List.copyOf(reservations);
        this.root = root;
    }

    public static Fdt read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw KforgeException.badInput(file + ": no such file", "give the path of a .dtb file");
            }
            long size = Files.size(file);
            if (size > Limits.FILE_BYTES) {
                throw KforgeException.badInput(file + ": " + size + " bytes is too large for a DTB (limit " + Limits.FILE_BYTES + ")",
                        "give the path of a .dtb file");
            }
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw KforgeException.badInput("cannot read " + file + ": " + e.getMessage(), null);
        }
    }

    /** Parses a DTB; a bad one gives one {@link KforgeException} naming {@code source} and the byte offset. */
    public static Fdt parse(byte[] data, String source) {
        FdtBytes b = new FdtBytes(data, source);
        FdtHeader h = FdtHeader.read(b);
        List<MemReserve> rsv = MemReserve.read(b, h);
        FdtNode root = new StructureBlock(b, h).read();
        return new Fdt(h, rsv, root);
    }

    public FdtHeader header() {
        return header;
    }

    public List<MemReserve> reservations() {
        return reservations;
    }

    public FdtNode root() {
        return root;
    }

    /** The node at an absolute path such as "/soc/serial@7e201000". */
    public Optional<FdtNode> node(String path) {
        if (!path.startsWith("/")) return Optional.empty();
        FdtNode n = root;
        for (String part : path.substring(1).split("/")) {
            if (part.isEmpty()) continue;
            Optional<FdtNode> c = n.child(part);
            if (c.isEmpty()) return Optional.empty();
            n = c.get();
        }
        return Optional.of(n);
    }

    /** Every node, parents before children, in file order. */
    public List<FdtNode> nodes() {
        List<FdtNode> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(FdtNode n, List<FdtNode> out) {
        out.add(n);
        for (FdtNode c : n.children()) collect(c, out);
    }

    /** /aliases as name to path, in file order. */
    public Map<String, String> aliases() {
        Map<String, String> out = new LinkedHashMap<>();
        root.child("aliases").ifPresent(a -> a.properties().forEach(p -> out.put(p.name(), p.string())));
        return out;
    }

    public Optional<FdtNode> chosen() {
        return root.child("chosen");
    }

    /** The node whose "phandle" (or old "linux,phandle") property is {@code phandle}. */
    public Optional<FdtNode> byPhandle(long phandle) {
        if (phandles == null) {
            phandles = new java.util.HashMap<>();
            for (FdtNode n : nodes()) {
                n.property("phandle").or(() -> n.property("linux,phandle"))
                        .filter(p -> p.length() == 4).ifPresent(p -> phandles.putIfAbsent(p.cell(0), n));
            }
        }
        return Optional.ofNullable(phandles.get(phandle));
    }
}
