package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.InputFile;
import org.kforge.KforgeException;
import org.kforge.compare.Comparison;
import org.kforge.compare.LogComparer;
import org.kforge.report.CompareReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Show where two boots part ways: the first divergence, the lines only one of them printed",
                "(by subsystem), both verdicts and the milestone times. Timestamps, addresses, PIDs, UUIDs,",
                "MAC addresses and durations are set aside.",
                "With --job twice, boot both jobs first (job.json files, as kforge boot --job) and compare the two consoles."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the logs are the same once normalised", "1:they differ", "2:bad usage or unreadable input"})
final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "0..2", paramLabel = "LOG", description = "two console logs (A, then B)")
    List<Path> logs = new ArrayList<>();
    @Option(names = "--job", paramLabel = "FILE", description = "a boot job (job.json or YAML), given twice (A, then B)")
    List<Path> jobs = new ArrayList<>();
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>(logs);
        if (!jobs.isEmpty()) {
            if (jobs.size() != 2 || !logs.isEmpty()) {
                throw KforgeException.badInput("give --job twice (A, then B) and no log files", "kforge compare --job a/job.json --job b/job.json");
            }
            Path dir = Files.createTempDirectory("kforge-compare-");
            files.add(boot(jobs.get(0), dir.resolve("a")));
            files.add(boot(jobs.get(1), dir.resolve("b")));
        }
        if (files.size() != 2) throw KforgeException.badInput("compare needs two logs", "kforge compare A.log B.log");
        for (Path p : files) {
            InputFile.check(p, "log");
        }
        Comparison c = LogComparer.compare(files.get(0), files.get(1));
        spec.commandLine().getOut().print(Main.json(spec) ? CompareReport.json(c) + "\n" : CompareReport.text(c));
        return c.identical() ? ExitCode.OK : ExitCode.TARGET_FAILED;
    }

    /** Boots once exactly as "kforge boot --job FILE --out DIR --quiet" would (its console goes to stderr); returns its console.log. */
    private Path boot(Path job, Path out) {
        String[] argv = {"boot", "--job", job.toString(), "--out", out.toString(), "--quiet"};
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println("kforge: " + String.join(" ", argv));
        int rc = Main.run(err, err, argv);
        Path log = out.resolve("console.log");
        if (!Files.exists(log)) {
            throw KforgeException.badInput("kforge boot --job " + job + " left no console.log (exit " + rc + ")", "run that boot alone to see why");
        }
        return log;
    }
}
