package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Files;
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
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) throw KforgeException.badInput("--junit " + file + " is a directory", "give a file name, e.g. " + file.resolve("kforge.xml"));
        if (dir == null || !Files.isDirectory(dir)) {
            throw KforgeException.badInput("--junit " + file + ": no directory " + dir, "create it first, or give a file in an existing directory");
        }
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
