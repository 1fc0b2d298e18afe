package org.kforge.dt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A node of the tree: its name with unit address ("mmc@7e340000"), properties and children in file order. */
public final class FdtNode {
    private final String name;
    private final FdtNode parent;
    private final List<FdtProperty> properties = new ArrayList<>();
    private final List<FdtNode> children = new ArrayList<>();

    FdtNode(String name, FdtNode parent) {
        this.name = name;
        this.parent = parent;
    }

    void add(FdtProperty p) {
        properties.add(p);
    }

    void add(FdtNode child) {
        children.add(child);
    }

    /** The full name, "" for the root. */
    public String name() {
        return name;
    }

    /** The name without its unit address: "mmc" for "mmc@7e340000". */
    public String baseName() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    public FdtNode parent() {
        return parent;
    }

    public boolean isRoot() {
        return parent == null;
    }

    public List<FdtProperty> properties() {
        return Collections.unmodifiableList(properties);
    }

    public List<FdtNode> children() {
        return Collections.unmodifiableList(children);
    }

    public Optional<FdtProperty> property(String propName) {
        for (FdtProperty p : properties) {
            if (p.name().equals(propName)) return Optional.of(p);
        }
        return Optional.empty();
    }

    public boolean has(String propName) {
        return property(propName).isPresent();
    }

    public Optional<FdtNode> child(String childName) {
        for (FdtNode c : children) {
            if (c.name.equals(childName)) return Optional.of(c);
        }
        return Optional.empty();
    }

    public String path() {
        if (parent == null) return "/";
        String up = parent.path();
        return (up.equals("/") ? "" : up) + "/" + name;
    }

    @Override
    public String toString() {
        return path();
    }
}
