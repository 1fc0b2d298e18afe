package org.kforge.image;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.kforge.KforgeException;

/**
 * Reads mmdebstrap's output as it comes: its "I:" lines become status, the first "E:" line is the error
 * a user sees (mirror URLs in it shortened to "the host's mirror"). The whole output stays in the log.
 */
final class MmdebstrapLog {
    private final Consumer<String> status;
    private String firstError;
    private String last = "";

    MmdebstrapLog(Consumer<String> status) {
        this.status = status;
    }

    void accept(String line) {
        if (line.startsWith("I: ")) status.accept("mmdebstrap: " + line.substring(3));
        if (line.startsWith("E: ") && firstError == null) firstError = line.substring(3).strip();
        if (!line.isBlank()) last = line.strip();
    }

    /** The error for a failed run: the user's input (a package or suite Debian lacks) or the host's (exit 3). */
    KforgeException failure(int rc, Path log) {
        String why = (firstError == null ? last : firstError).replaceAll("\\b[a-z]+://\\S+", "<the host's mirror>");
        if (why.startsWith("Unable to locate package") || why.contains("does not have a Release file")) {
            return KforgeException.badInput("mmdebstrap: " + why, "check the --suite and --include names; full log: " + log);
        }
        return new KforgeException(3, "mmdebstrap failed (exit " + rc + "): " + why, "full log: " + log);
    }
}
