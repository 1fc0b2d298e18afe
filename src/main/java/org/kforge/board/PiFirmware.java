package org.kforge.board;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the Raspberry Pi firmware boots from a FAT boot partition, for the keys the twin supports
 * (Raspberry Pi documentation, config.txt "Boot options" and "Conditional filters"):
 * <ul>
 * <li>with the tryboot flag set, {@code tryboot.txt} is read <em>instead of</em> {@code config.txt}
 *     (a whole config, not a patch); the flag is one-shot, cleared before the kernel starts;</li>
 * <li>{@code kernel=}, {@code initramfs FILE [followkernel]}, {@code cmdline=}, {@code os_prefix=}: the last
 *     value wins; {@code os_prefix} is put before the kernel, initramfs and cmdline file names;</li>
 * <li>section filters: {@code [all]} applies, {@code [none]} does not, {@code [tryboot]} only in tryboot
 *     mode, {@code [pi4]} applies (the twin stands for a Pi 4), other model filters do not.</li>
 * </ul>
 * {@code files} reads a (small) file of the partition, null when it is not there; {@code exists} asks for a big one.
 */
public final class PiFirmware {
    private PiFirmware() {
    }

    /** The firmware's choice: which config it read, the files it loads, the command line, and what it noted. */
    public record Choice(String config, boolean tryboot, String kernel, String initramfs, String cmdlineFile,
                         String cmdline, List<String> notes) {
        public String describe() {
            return config + ": kernel " + kernel + (initramfs == null ? "" : ", initramfs " + initramfs)
                    + ", cmdline from " + cmdlineFile + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
        }
    }

    public static Choice select(Function<String, byte[]> files, java.util.function.Predicate<String> exists, boolean trybootFlag,
                                String defaultKernel) {
        List<String> notes = new ArrayList<>();
        String configName = "config.txt";
        byte[] config = null;
        if (trybootFlag) {
            config = files.apply("tryboot.txt");
            if (config != null) configName = "tryboot.txt";
            else notes.add("tryboot flag set but no tryboot.txt: config.txt");
        }
        if (config == null) config = files.apply("config.txt");
        if (config == null) {
            notes.add("no config.txt: the firmware's defaults");
            config = new byte[0];
        }
        String kernel = defaultKernel;
        String initramfs = null;
        String cmdlineFile = "cmdline.txt";
        String prefix = "";
        boolean applies = true;
        for (String raw : new String(config, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                applies = section(line.substring(1, line.length() - 1).strip(), trybootFlag);
                continue;
            }
            if (!applies) continue;
            if (line.startsWith("initramfs ") || line.startsWith("initramfs\t")) {
                initramfs = line.substring("initramfs".length()).strip().split("\\s+")[0];
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) continue;
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            switch (key) {
                case "kernel" -> kernel = value;
                case "ramfsfile" -> initramfs = value;
                case "cmdline" -> cmdlineFile = value;
                case "os_prefix" -> prefix = value;
                default -> { }
            }
        }
        if (!prefix.isEmpty() && !exists.test(prefix + kernel)) {
            notes.add("os_prefix " + prefix + " ignored: no " + prefix + kernel);
            prefix = "";
        }
        String k = prefix + kernel;
        String i = initramfs == null ? null : prefix + initramfs;
        String c = prefix + cmdlineFile;
        byte[] cmd = files.apply(c);
        if (cmd == null) notes.add("no " + c + ": empty command line");
        String cmdline = cmd == null ? "" : new String(cmd, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return new Choice(configName, configName.equals("tryboot.txt"), k, i, c, cmdline, List.copyOf(notes));
    }

    /** Whether the lines after a {@code [filter]} apply to the twin (a Pi 4 class board). */
    private static boolean section(String filter, boolean tryboot) {
        return switch (filter) {
            case "all", "pi4" -> true;
            case "tryboot" -> tryboot;
            default -> false;
        };
    }
}
