package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.kforge.KforgeException;
import org.kforge.report.JunitXml;
import org.kforge.report.RunSummary;
import picocli.CommandLine.Option;

/** --junit FILE: the results as JUnit XML for CI, on every command that gives a verdict. */
final class JunitOption {
    @Option(names = "--junit", paramLabel = "FILE", description = "also write the results as JUnit XML (GitLab, Jenkins) to FILE")
    Path file;

    /** Checked before anything runs: the file's directory exists, and the file is no directory. */
    void check() {
        if (file == null) return;
        org.kforge.OutputFile.check(file, "--junit", file.resolve("kforge.xml").toString());
    }

    void write(String kind, List<RunSummary> runs) {
        if (file == null) return;
        try {
            JunitXml.write(kind, runs, file);
        } catch (IOException e) {
            throw KforgeException.badInput("cannot write --junit " + file + ": " + e.getMessage(), "check the directory's permissions");
        }
    }
}
