package org.kforge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs kforge in-process and keeps what it printed, like a user at a terminal would see it: through
 * picocli's out and err streams, never by swapping System.out.
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(rc, out.toString(), err.toString());
    }
}
