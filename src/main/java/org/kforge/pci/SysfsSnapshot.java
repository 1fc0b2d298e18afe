package org.kforge.pci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.kforge.KforgeException;

/**
 * A file-system root that holds {@code sys/bus/pci/devices}: the live system ({@code /}) or a
 * snapshot directory written by {@code kforge pci snapshot}, which mirrors the same paths.
 */
public final class SysfsSnapshot {
    private static final String DEVICES = "sys/bus/pci/devices";
    private final Path root;
    private final boolean live;

    private SysfsSnapshot(Path root, boolean live) {
        this.root = root;
        this.live = live;
    }

    public static SysfsSnapshot live() {
        return new SysfsSnapshot(Path.of("/"), true);
    }

    /** A snapshot root, or a sysfs mount point itself (then its parent is the root); null means live. */
    public static SysfsSnapshot open(Path dir) {
        if (dir == null) return live();
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw KforgeException.badInput("--sysfs " + dir + ": no such directory", "kforge pci snapshot -o DIR writes one");
        }
        if (Files.isDirectory(abs.resolve(DEVICES))) return new SysfsSnapshot(abs, abs.equals(Path.of("/")));
        if (Files.isDirectory(abs.resolve("bus/pci/devices")) && abs.getParent() != null) {
            return new SysfsSnapshot(abs.getParent(), abs.equals(Path.of("/sys")));
        }
        throw KforgeException.badInput("--sysfs " + dir + " is neither a sysfs tree nor a kforge snapshot: it has no " + DEVICES,
                "kforge pci snapshot -o DIR writes one");
    }

    public boolean isLive() {
        return live;
    }

    public Path root() {
        return root;
    }

    public String source() {
        return live ? "this machine's /sys" : "snapshot " + root;
    }

    /** A path of the target system ({@code /sys/...}) inside this root. */
    public Path path(String abs) {
        return root.resolve(abs.startsWith("/") ? abs.substring(1) : abs);
    }

    public boolean exists(String abs) {
        return Files.exists(path(abs));
    }

    public Optional<String> text(String abs) {
        try {
            return Optional.of(Files.readString(path(abs), StandardCharsets.ISO_8859_1).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Last element of a symbolic link's target (a driver's or group's name), if the link exists. */
    public Optional<String> linkName(String abs) {
        try {
            return Optional.of(Files.readSymbolicLink(path(abs)).getFileName().toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Names in a directory of the target system, sorted; empty if it is absent. */
    public List<String> names(String abs) {
        Path dir = path(abs);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public List<Bdf> addresses() {
        return names("/" + DEVICES).stream().filter(Bdf::looksLike).map(Bdf::parse).sorted().toList();
    }

    public List<PciDevice> devices() {
        List<PciDevice> out = new ArrayList<>();
        for (Bdf b : addresses()) out.add(device(b));
        return out;
    }

    public PciDevice device(Bdf bdf) {
        String dir = "/" + DEVICES + "/" + bdf;
        if (!Files.isDirectory(path(dir))) {
            throw KforgeException.badInput("no PCI device " + bdf + " in " + source(),
                    "present: " + String.join(" ", addresses().stream().map(Bdf::toString).toList()));
        }
        byte[] config = bytes(bdf, dir + "/config");
        String resource = new String(bytes(bdf, dir + "/resource"), StandardCharsets.ISO_8859_1);
        Integer group = linkName(dir + "/iommu_group").map(Integer::valueOf).orElse(null);
        return new PciDevice(bdf, ConfigSpace.of(config, source() + ": " + bdf + "/config"), Resource.parse(resource),
                linkName(dir + "/driver").orElse(null), group, realPath(dir));
    }

    private byte[] bytes(Bdf bdf, String abs) {
        try {
            return Files.readAllBytes(path(abs));
        } catch (IOException e) {
            throw KforgeException.badInput(source() + " lacks " + abs + " (" + bdf + ")",
                    "take the snapshot again with kforge pci snapshot; it collects vendor, device, class, config and resource");
        }
    }

    /** The device's directory under /sys/devices, which names the bridges above it. */
    private String realPath(String abs) {
        try {
            return "/" + root.toRealPath().relativize(path(abs).toRealPath());
        } catch (IOException | IllegalArgumentException e) {
            return abs;
        }
    }
}
