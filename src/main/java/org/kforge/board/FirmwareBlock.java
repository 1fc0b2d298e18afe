package org.kforge.board;

import java.util.ArrayList;
import java.util.List;

/**
 * kforge's lines in a Raspberry Pi config file: one block between two marker comments, at the end so that its
 * values win (config.txt: the last value of a key counts). Composing a config removes an earlier kforge block
 * and appends the new one; every other line of the file stays as it was.
 */
public final class FirmwareBlock {
    static final String BEGIN = "# --- kforge deploy";
    static final String END = "# --- end kforge deploy ---";

    private FirmwareBlock() {
    }

    /** The block for a slot: os_prefix, kernel, initramfs (or none), cmdline and the board's own lines. */
    public static List<String> lines(String release, String slot, String kernel, String initramfs, List<String> boardLines) {
        List<String> l = new ArrayList<>();
        l.add(BEGIN + ": " + release + " in " + slot + "/ ---");
        l.add("[all]");
        l.add("os_prefix=" + slot + "/");
        l.add("kernel=" + kernel);
        if (initramfs != null) l.add("initramfs " + initramfs + " followkernel");
        l.add("cmdline=cmdline.txt");
        l.addAll(boardLines);
        l.add(END);
        return l;
    }

    /** {@code config} without an earlier kforge block, then {@code block}. */
    public static String compose(String config, List<String> block) {
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (String line : config.split("\r?\n", -1)) {
            if (line.startsWith(BEGIN)) inside = true;
            if (!inside) out.append(line).append('\n');
            if (line.equals(END)) inside = false;
        }
        String kept = out.toString().replaceAll("\n+$", "\n");
        if (kept.equals("\n")) kept = "";
        return kept + String.join("\n", block) + "\n";
    }

    /** The slot a config's kforge block boots, or null. */
    public static String slot(String config) {
        for (String line : config.split("\r?\n")) {
            if (line.startsWith(BEGIN) && line.contains(" in ")) {
                String s = line.substring(line.indexOf(" in ") + 4);
                return s.substring(0, s.indexOf('/'));
            }
        }
        return null;
    }
}
