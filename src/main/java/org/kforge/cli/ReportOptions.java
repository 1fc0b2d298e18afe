package org.kforge.cli;

import picocli.CommandLine.Option;

/** Options shared by the commands that report on logs (doctor, compare): JSON output and stack traces. */
final class ReportOptions {
    @Option(names = "--json", description = "print the result as JSON")
    boolean json;
    @Option(names = "--verbose", description = "stack traces on internal errors")
    boolean verbose;
}
