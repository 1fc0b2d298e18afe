package org.kforge.pci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kforge.KforgeException;

/**
 * Turns the records of {@code pci/collect.sh} ("kfpci ..." lines, from the collector itself or
 * from a console log where other lines come between) into a snapshot directory that mirrors the
 * target's paths. Paths stay inside the directory: no "..", and no file is written through a link.
 */
public final class SnapshotStream {
    private static final String TAG = "kfpci ";

    private SnapshotStream() {
    }

    /** Writes the snapshot under {@code dir} and returns how many files it held. */
    public static int write(List<String> lines, Path dir, String where) throws IOException {
        Path root = Files.createDirectories(dir).toRealPath();
        boolean begun = false;
        boolean ended = false;
        int files = 0;
        Path current = null;
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (String raw : lines) {
            int at = raw.indexOf(TAG);
            if (at < 0 || ended) continue;
            String rec = raw.substring(at + TAG.length()).stripTrailing();
            String kind = rec.isEmpty() ? "" : rec.substring(0, 1);
            String rest = rec.length() > 2 ? rec.substring(2) : "";
            if (rec.startsWith("begin ")) {
                begun = true;
                continue;
            }
            if (!begun) continue;
            if (kind.equals("X")) {
                if (current == null) throw malformed(where, raw);
                hex(rest, content, where, raw);
                continue;
            }
            if (current != null) {
                Files.write(current, content.toByteArray());
                files++;
                current = null;
            }
            content.reset();
            switch (kind) {
                case "D" -> Files.createDirectories(inside(root, rest, where));
                case "L" -> link(root, rest, where, raw);
                case "F" -> current = fileTarget(root, rest, where);
                case "E" -> { } // unreadable on the target: left out, as a missing file
                case "e" -> ended = rec.startsWith("end");
                default -> throw malformed(where, raw);
            }
        }
        if (current != null) {
            Files.write(current, content.toByteArray());
            files++;
        }
        if (!begun) {
            throw KforgeException.badInput(where + " holds no kforge PCI snapshot (no 'kfpci begin' line)",
                    "run the collector (src/main/resources/pci/collect.sh) on the target and capture its output");
        }
        if (!ended) {
            throw KforgeException.badInput(where + ": the snapshot is cut short (no 'kfpci end' line)", "capture it again");
        }
        return files;
    }

    private static void hex(String rest, ByteArrayOutputStream out, String where, String raw) {
        for (String h : rest.trim().split("\\s+")) {
            if (h.length() != 2) throw malformed(where, raw);
            try {
                out.write(Integer.parseInt(h, 16));
            } catch (NumberFormatException e) {
                throw malformed(where, raw);
            }
        }
    }

    private static void link(Path root, String rest, String where, String raw) throws IOException {
        int sp = rest.indexOf(' ');
        if (sp < 0) throw malformed(where, raw);
        Path at = inside(root, rest.substring(0, sp), where);
        String target = rest.substring(sp + 1);
        if (target.startsWith("/")) throw malformed(where, raw);
        Files.createDirectories(at.getParent());
        Files.deleteIfExists(at);
        Files.createSymbolicLink(at, Path.of(target));
    }

    private static Path fileTarget(Path root, String rest, String where) throws IOException {
        Path f = inside(root, rest, where);
        Path parent = Files.createDirectories(f.getParent()).toRealPath();
        if (!parent.startsWith(root) || Files.isSymbolicLink(f)) {
            throw KforgeException.badInput(where + ": " + rest + " would be written outside the snapshot", null);
        }
        return f;
    }

    private static Path inside(Path root, String abs, String where) {
        if (!abs.startsWith("/") || abs.contains("/../") || abs.endsWith("/..")) {
            throw KforgeException.badInput(where + ": bad path in snapshot record: " + abs, null);
        }
        return root.resolve(abs.substring(1));
    }

    private static KforgeException malformed(String where, String raw) {
        String shown = raw.length() > 80 ? raw.substring(0, 80) + "..." : raw;
        return KforgeException.badInput(where + ": malformed snapshot line: " + shown,
                "kernel messages may have cut into it: capture again after 'dmesg -n 1'");
    }
}
