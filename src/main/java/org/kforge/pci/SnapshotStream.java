package org.kforge.pci;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.kforge.KforgeException;
import org.kforge.Limits;
import org.kforge.TerminalText;
import org.kforge.asset.UnpackedTree;
import org.kforge.console.LogLines;

/**
 * Turns the records of {@code pci/collect.sh} ("kfpci ..." lines, from the collector itself or
 * from a console log where other lines come between) into a snapshot directory that mirrors the
 * target's paths. The records come from a target, so they are unpacked through {@link UnpackedTree}:
 * nothing lands outside the directory, and nothing at all unless the whole snapshot is sound.
 */
public final class SnapshotStream {
    private static final String TAG = "kfpci ";

    private final UnpackedTree tree;
    private final String where;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();
    private boolean begun;
    private boolean ended;
    private String current;
    private int files;

    private SnapshotStream(UnpackedTree tree, String where) {
        this.tree = tree;
        this.where = where;
    }

    /** Writes the snapshot to {@code dir} (new, or an empty directory) and returns how many files it held. */
    public static int write(InputStream in, Path dir, String where) throws IOException {
        long[] read = {0};
        try (UnpackedTree tree = UnpackedTree.begin(dir, where)) {
            SnapshotStream s = new SnapshotStream(tree, where);
            try {
                LogLines.read(in, raw -> {
                    read[0] += raw.length() + 1;
                    if (read[0] > Limits.CAPTURE_BYTES) throw org.kforge.InputFile.tooLarge(where, Limits.CAPTURE_BYTES);
                    s.record(raw);
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            s.finish();
            tree.commit();
            return s.files;
        }
    }

    public static int write(List<String> lines, Path dir, String where) throws IOException {
        return write(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1)), dir, where);
    }

    private void record(String raw) {
        int at = raw.indexOf(TAG);
        if (at < 0 || ended) return;
        String rec = raw.substring(at + TAG.length()).stripTrailing();
        String kind = rec.isEmpty() ? "" : rec.substring(0, 1);
        String rest = rec.length() > 2 ? rec.substring(2) : "";
        if (rec.startsWith("begin ")) {
            begun = true;
            return;
        }
        if (!begun) return;
        try {
            if (kind.equals("X")) {
                if (current == null) throw malformed(raw);
                hex(rest, raw);
                return;
            }
            flush();
            switch (kind) {
                case "D" -> tree.directory(name(rest));
                case "L" -> link(rest, raw);
                case "F" -> current = name(rest);
                case "E" -> { } // unreadable on the target: left out, as a missing file
                case "e" -> ended = rec.startsWith("end");
                default -> throw malformed(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finish() throws IOException {
        flush();
        if (!begun) {
            throw KforgeException.badInput(where + " holds no kforge PCI snapshot (no 'kfpci begin' line)",
                    "run the collector (src/main/resources/pci/collect.sh) on the target and capture its output");
        }
        if (!ended) {
            throw KforgeException.badInput(where + ": the snapshot is cut short (no 'kfpci end' line)", "capture it again");
        }
    }

    private void flush() throws IOException {
        if (current == null) return;
        tree.file(current, content.toByteArray());
        files++;
        current = null;
        content.reset();
    }

    private void hex(String rest, String raw) {
        if (content.size() > Limits.FILE_BYTES) throw org.kforge.InputFile.tooLarge(where + ": " + current, Limits.FILE_BYTES);
        for (String h : rest.trim().split("\\s+")) {
            if (h.length() != 2) throw malformed(raw);
            int hi = Character.digit(h.charAt(0), 16);
            int lo = Character.digit(h.charAt(1), 16);
            if (hi < 0 || lo < 0) throw malformed(raw);
            content.write(hi << 4 | lo);
        }
    }

    private void link(String rest, String raw) throws IOException {
        int sp = rest.indexOf(' ');
        if (sp < 0) throw malformed(raw);
        tree.link(name(rest.substring(0, sp)), rest.substring(sp + 1));
    }

    /** A record's path is the target's absolute path; inside the snapshot it is relative to the root. */
    private String name(String abs) {
        if (!abs.startsWith("/")) {
            throw KforgeException.badInput(where + ": entry " + TerminalText.visible(abs) + " is not a target path (/sys/...)",
                    "is this capture from a kforge collector?");
        }
        return abs.substring(1);
    }

    private KforgeException malformed(String raw) {
        String shown = TerminalText.visible(raw.length() > 80 ? raw.substring(0, 80) + "..." : raw);
        return KforgeException.badInput(where + ": malformed snapshot line: " + shown,
                "kernel messages may have cut into it: capture again after 'dmesg -n 1'");
    }
}
