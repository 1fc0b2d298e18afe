package org.kforge.pci;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Vendor, device and class names from the system's pci.ids (Debian package pci.ids), read the way
 * lspci reads it: a line per vendor, a tab for its devices, two tabs for subsystems; classes under "C".
 * Without the file every name is empty and callers print numbers, as lspci does.
 */
public final class PciIds {
    public static final Path DEFAULT = Path.of("/usr/share/misc/pci.ids");
    private final Map<String, String> names = new HashMap<>();
    private final boolean present;

    private PciIds(boolean present) {
        this.present = present;
    }

    public static PciIds load(Path file) {
        if (!Files.isReadable(file)) return new PciIds(false);
        PciIds ids = new PciIds(true);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String vendor = null;
            String klass = null;
            String sub = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.charAt(0) == '#') continue;
                if (line.startsWith("C ")) {
                    klass = line.substring(2, 4);
                    vendor = null;
                    ids.names.put("C" + klass, line.substring(4).strip());
                } else if (line.startsWith("\t\t")) {
                    if (klass != null && sub != null) ids.names.put("C" + klass + sub + line.substring(2, 4), line.substring(4).strip());
                } else if (line.startsWith("\t")) {
                    if (vendor != null) {
                        ids.names.put(vendor + line.substring(1, 5), line.substring(5).strip());
                    } else if (klass != null) {
                        sub = line.substring(1, 3);
                        ids.names.put("C" + klass + sub, line.substring(3).strip());
                    }
                } else if (line.length() > 6 && Character.digit(line.charAt(0), 16) >= 0) {
                    vendor = line.substring(0, 4);
                    klass = null;
                    ids.names.put(vendor, line.substring(4).strip());
                }
            }
        } catch (IOException e) {
            return new PciIds(false);
        }
        return ids;
    }

    public boolean present() {
        return present;
    }

    public String vendor(int vendor) {
        return names.getOrDefault(String.format("%04x", vendor), "");
    }

    public String device(int vendor, int device) {
        return names.getOrDefault(String.format("%04x%04x", vendor, device), "");
    }

    /** The subclass name lspci prints ("USB controller"), else the base class name. */
    public String className(int classCode) {
        String base = String.format("C%02x", classCode >>> 16);
        String sub = String.format("%s%02x", base, (classCode >>> 8) & 0xff);
        return names.getOrDefault(sub, names.getOrDefault(base, ""));
    }

    public String progIf(int classCode) {
        return names.getOrDefault(String.format("C%02x%02x%02x", classCode >>> 16, (classCode >>> 8) & 0xff, classCode & 0xff), "");
    }
}
