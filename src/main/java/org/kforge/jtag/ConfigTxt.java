package org.kforge.jtag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kforge.KforgeException;

/**
 * A Raspberry Pi's config.txt as far as JTAG goes: {@code enable_jtag_gpio=1} puts GPIO 22-27 into
 * ALT4, the ARM JTAG pins (Raspberry Pi documentation, config.txt "GPIO control").
 */
public record ConfigTxt(Path path, boolean jtagGpio) {

    public static ConfigTxt read(Path file) {
        try {
            boolean on = Files.readAllLines(file).stream().map(ConfigTxt::uncommented)
                    .anyMatch(l -> l.replace(" ", "").equals("enable_jtag_gpio=1"));
            return new ConfigTxt(file, on);
        } catch (IOException e) {
            throw KforgeException.badInput("--config-txt " + file + ": cannot read it (" + e.getMessage() + ")", null);
        }
    }

    private static String uncommented(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }
}
