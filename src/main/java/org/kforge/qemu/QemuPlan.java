package org.kforge.qemu;

import java.util.ArrayList;
import java.util.List;

/**
 * A QEMU command line as a value: each option with the one-line reason it is there, and the directory
 * QEMU runs in ({@code workDir}, null for kforge's own), against which its relative paths resolve.
 */
public record QemuPlan(String binary, List<Option> options, java.nio.file.Path workDir) {

    public QemuPlan(String binary, List<Option> options) {
        this(binary, options, null);
    }

    /** The same command, run in {@code dir}. */
    public QemuPlan in(java.nio.file.Path dir) {
        return new QemuPlan(binary, options, dir);
    }

    /** One option and its value(s), e.g. {@code -machine virt}, with why. */
    public record Option(List<String> words, String reason) {
    }

    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        for (Option o : options) argv.addAll(o.words());
        return argv;
    }

    /** The argv as one line a shell takes back as is. */
    public String commandLine() {
        return org.kforge.ShellWords.line(argv());
    }

    /** The command line, then one line per option saying why it is there. */
    public String explain() {
        StringBuilder out = new StringBuilder(commandLine()).append("\n\n");
        for (Option o : options) {
            String shown = display(o);
            if (shown.length() <= REASON_COLUMN) {
                out.append(String.format("  %-" + REASON_COLUMN + "s  %s%n", shown, o.reason()));
            } else {
                out.append("  ").append(shown).append('\n').append(" ".repeat(REASON_COLUMN + 4)).append(o.reason()).append('\n');
            }
        }
        return out.toString();
    }

    private static final int REASON_COLUMN = 36;

    private static String display(Option o) {
        return org.kforge.ShellWords.line(o.words());
    }
}
