package org.kforge.pci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.kforge.InputFile;
import org.kforge.KforgeException;
import org.kforge.Limits;

/**
 * A file-system root that holds {@code sys/bus/pci/devices}: the live system ({@code /}) or a
 * snapshot directory written by {@code kforge pci snapshot}, which mirrors the same paths; or a sysfs
 * tree itself under any name (a copy, a mount elsewhere), read as the target's {@code /sys}.
 * Every file is read within {@link Limits}: a link to /dev/zero in a hand-made tree ends in one line.
 */
public final class SysfsSnapshot {
    private static final String DEVICES = "sys/bus/pci/devices";
    private static final int SMALL_FILE = 64 * 1024;
    private final Path root;
    private final Path sys;
    private final boolean live;
    private final Map<Bdf, byte[]> dump;
    private final Path dumpFile;

    private SysfsSnapshot(Path root, Path sys, boolean live) {
        this.root = root;
        this.sys = sys;
        this.live = live;
        this.dump = null;
        this.dumpFile = null;
    }

    private SysfsSnapshot(Path dumpFile, Map<Bdf, byte[]> dump) {
        this.root = null;
        this.sys = null;
        this.live = false;
        this.dump = dump;
        this.dumpFile = dumpFile;
    }

    /**
     * An {@code lspci -x/-xxx/-xxxx} text dump: config space only. What sysfs adds (BAR sizes, the bound
     * driver, the IOMMU group, the bridges above) a dump cannot tell, and the reports say so.
     */
    public static SysfsSnapshot fromDump(Path file) {
        String text = new String(InputFile.read(file, Limits.FILE_BYTES, "--dump"), StandardCharsets.ISO_8859_1);
        return new SysfsSnapshot(file, LspciDump.parse(text, file.toString()));
    }

    /** True for an lspci text dump: config space only. */
    public boolean isDump() {
        return dump != null;
    }

    public static SysfsSnapshot live() {
        return new SysfsSnapshot(Path.of("/"), Path.of("/sys"), true);
    }

    /** A snapshot root, or a sysfs tree itself (then its parent holds /proc, if anything); null means live. */
    public static SysfsSnapshot open(Path dir) {
        if (dir == null) return live();
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw KforgeException.badInput("--sysfs " + dir + ": no such directory", "kforge pci snapshot -o DIR writes one");
        }
        if (Files.isDirectory(abs.resolve(DEVICES))) return new SysfsSnapshot(abs, abs.resolve("sys"), abs.equals(Path.of("/")));
        if (Files.isDirectory(abs.resolve("bus/pci/devices")) && abs.getParent() != null) {
            return new SysfsSnapshot(abs.getParent(), abs, abs.equals(Path.of("/sys")));
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
        if (dump != null) return "lspci dump " + dumpFile;
        return live ? "this machine's /sys" : "snapshot " + root;
    }

    /** A path of the target system ({@code /sys/...}, {@code /proc/...}) inside this root. */
    public Path path(String abs) {
        String rel = abs.startsWith("/") ? abs.substring(1) : abs;
        if (rel.equals("sys")) return sys;
        if (rel.startsWith("sys/")) return sys.resolve(rel.substring(4));
        return root.resolve(rel);
    }

    public boolean exists(String abs) {
        if (dump != null) return abs.startsWith("/sys/bus/pci/devices/") && Bdf.looksLike(abs.substring(21))
                && dump.containsKey(Bdf.parse(abs.substring(21)));
        return Files.exists(path(abs));
    }

    /** A small file's text (a sysfs attribute, /proc/cmdline), if it is there. */
    public Optional<String> text(String abs) {
        return text(abs, SMALL_FILE);
    }

    /** A file's text up to {@code max} bytes (more is one line and exit 2), if it is there. */
    public Optional<String> text(String abs, long max) {
        if (dump != null) return Optional.empty();
        Path p = path(abs);
        if (!Files.exists(p)) return Optional.empty();
        return Optional.of(new String(InputFile.read(p, max, source() + ":"), StandardCharsets.ISO_8859_1).strip());
    }

    /** Last element of a symbolic link's target (a driver's or group's name), if the link exists. */
    public Optional<String> linkName(String abs) {
        if (dump != null) return Optional.empty();
        try {
            return Optional.of(Files.readSymbolicLink(path(abs)).getFileName().toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Names in a directory of the target system, sorted; empty if it is absent. */
    public List<String> names(String abs) {
        if (dump != null) return List.of();
        Path dir = path(abs);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public List<Bdf> addresses() {
        if (dump != null) return List.copyOf(dump.keySet());
        return names("/" + DEVICES).stream().filter(Bdf::looksLike).map(Bdf::parse).sorted().toList();
    }

    public List<PciDevice> devices() {
        List<PciDevice> out = new ArrayList<>();
        for (Bdf b : addresses()) out.add(device(b));
        return out;
    }

    public PciDevice device(Bdf bdf) {
        String dir = "/" + DEVICES + "/" + bdf;
        if (dump != null) {
            byte[] config = dump.get(bdf);
            if (config == null) throw KforgeException.badInput("no PCI device " + bdf + " in " + source(),
                    "present: " + String.join(" ", addresses().stream().map(Bdf::toString).toList()));
            return new PciDevice(bdf, ConfigSpace.of(config, source() + ": " + bdf), null, null, null, "/lspci-dump/" + bdf, true);
        }
        if (!Files.isDirectory(path(dir))) {
            throw KforgeException.badInput("no PCI device " + bdf + " in " + source(),
                    "present: " + String.join(" ", addresses().stream().map(Bdf::toString).toList()));
        }
        if (!Files.exists(path(dir + "/config"))) {
            throw KforgeException.badInput(source() + " lacks " + dir + "/config (" + bdf + ")",
                    "take the snapshot again with kforge pci snapshot; it collects vendor, device, class, config and resource");
        }
        byte[] config = InputFile.read(path(dir + "/config"), ConfigSpace.EXTENDED, source() + ": " + bdf + "'s");
        // without a resource file (a config-space dump) the BARs are decoded from config space alone
        List<Resource> resources = text(dir + "/resource").map(t -> Resource.parse(t, source() + ": " + dir + "/resource")).orElse(null);
        String group = linkName(dir + "/iommu_group").orElse(null);
        return new PciDevice(bdf, ConfigSpace.of(config, source() + ": " + bdf + "/config"), resources,
                linkName(dir + "/driver").orElse(null), IommuGroup.number(group, source() + ": " + dir + "/iommu_group"), realPath(dir));
    }

    /** The device's directory under /sys/devices, which names the bridges above it. */
    private String realPath(String abs) {
        try {
            return "/sys/" + sys.toRealPath().relativize(path(abs).toRealPath());
        } catch (IOException | IllegalArgumentException e) {
            return abs;
        }
    }
}
