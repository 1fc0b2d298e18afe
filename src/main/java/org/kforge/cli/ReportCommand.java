package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.report.HtmlReport;
import org.kforge.report.RunSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"An HTML page of one or more runs side by side: the verdict, a timeline of the boot's phases, the",
                "KTAP results and the console with an anchor per line (#L242). One file, nothing fetched.",
                "RUN: a run directory (its result.json and console.log) or a saved console log (read by the doctor)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the page was written", "2:bad usage or unreadable input"})
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN", description = "run directories or console logs")
    List<Path> runs;
    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "the page (default: RUN/report.html for one run directory, else report.html here)")
    Path out;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path page = out != null ? out : runs.size() == 1 && Files.isDirectory(runs.get(0)) ? runs.get(0).resolve("report.html") : Path.of("report.html");
        org.kforge.OutputFile.check(page, "--out", "report.html");
        List<RunSummary> all = new ArrayList<>();
        for (Path run : runs) all.add(summary(run));
        HtmlReport.write(all, page);
        spec.commandLine().getOut().println("kforge: wrote " + page);
        return ExitCode.OK;
    }

    private static RunSummary summary(Path run) throws IOException {
        if (Files.isDirectory(run)) {
            if (!Files.isRegularFile(run.resolve("console.log"))) {
                throw KforgeException.badInput(run + " has no console.log: it is no run directory", "give a boot's run directory or a console log");
            }
            return RunSummary.ofRunDir(run);
        }
        return RunSummary.of(DoctorCommand.examine(run.toString()), run);
    }
}
