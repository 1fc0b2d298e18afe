package org.kforge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file kforge writes where the user said (-o, --junit, --out): checked before any work is done, and written
 * whole or not at all (a temporary file beside it, then a rename), so a failure never leaves half a file.
 */
public final class OutputFile {
    private OutputFile() {
    }

    /** The file is no directory, and its directory exists; {@code option} names where it was given ("-o"). */
    public static void check(Path file, String option, String example) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) throw KforgeException.badInput(option + " " + file + " is a directory", "give a file name, e.g. " + example);
        if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
            throw KforgeException.badInput(option + " " + file + ": no directory " + abs.getParent(),
                    "create it first, or give a file in an existing directory");
        }
    }

    /** Writes {@code text} to {@code file} whole: beside it first, then renamed over it. */
    public static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
