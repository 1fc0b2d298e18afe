package org.kforge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.InputFile;
import org.kforge.KforgeException;
import org.kforge.console.Diagnosis;
import org.kforge.console.LogDoctor;
import org.kforge.report.DoctorReport;
import org.kforge.report.RunSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Read a saved serial console log or dmesg capture and say what happened to the boot:",
                "the first bad line, why, and what to try."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the log shows a good boot (devices may have failed: --strict)", "1:the log shows a failure",
                "2:bad usage or unreadable input"})
final class DoctorCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "console logs; - reads standard input")
    List<String> files;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--strict", description = "exit 1 for a booted system whose devices failed too")
    boolean strict;
    @CommandLine.Mixin
    JunitOption junit = new JunitOption();

    @Override
    public Integer call() {
        junit.check();
        // many logs in one run: one that cannot be read is one line on stderr, the others are judged
        EachInput each = new EachInput(spec.commandLine().getErr(), files.size());
        List<Diagnosis> all = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (String f : files) {
            Diagnosis d = each.run(f, () -> examine(f));
            if (d == null) continue;
            all.add(d);
            read.add(f);
        }
        List<RunSummary> summaries = new ArrayList<>();
        if (junit.file != null) {
            for (int i = 0; i < read.size(); i++) summaries.add(RunSummary.of(all.get(i), read.get(i).equals("-") ? null : Path.of(read.get(i))));
        }
        junit.write("doctor", summaries);
        if (Main.json(spec)) {
            spec.commandLine().getOut().println(DoctorReport.json(all, files.size() > 1));
        } else {
            for (Diagnosis d : all) spec.commandLine().getOut().print(DoctorReport.text(d, files.size() > 1));
        }
        return each.exitCode(all.stream().mapToInt(d -> d.exitCode(strict)).max().orElse(0));
    }

    static Diagnosis examine(String file) {
        return read(file, LogDoctor::examine);
    }

    /** What reads a console log: the stream and the name it goes by. */
    interface LogReader<T> {
        T read(InputStream in, String source) throws IOException;
    }

    /** A console log given on the command line ("-": standard input), read by {@code reader}; a bad one is one line, exit 2. */
    static <T> T read(String file, LogReader<T> reader) {
        if (file.equals("-")) {
            try {
                return reader.read(System.in, "<stdin>");
            } catch (IOException e) {
                throw KforgeException.badInput("cannot read standard input: " + e.getMessage(), null);
            }
        }
        Path p = Path.of(file);
        if (Files.isDirectory(p)) {
            throw KforgeException.badInput(file + " is a directory", "give the console log inside it (console.log)");
        }
        try (InputStream in = InputFile.open(p, "console log")) {
            return reader.read(in, file);
        } catch (IOException e) {
            throw KforgeException.badInput("cannot read " + file + ": " + e.getMessage(), "check the file's permissions");
        }
    }
}
