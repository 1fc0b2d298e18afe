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
                "With --boot twice, boot both ways first (each ARGS as for kforge boot) and compare the two consoles."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the logs are the same once normalised", "1:they differ", "2:bad usage or unreadable input"})
final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "0..2", paramLabel = "LOG", description = "two console logs (A, then B)")
    List<Path> logs = new ArrayList<>();
    @Option(names = "--boot", paramLabel = "ARGS", description = "kforge boot arguments, given twice (A, then B)")
    List<String> boots = new ArrayList<>();
    @CommandLine.Mixin
    ReportOptions report = new ReportOptions();

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>(logs);
        if (!boots.isEmpty()) {
            if (boots.size() != 2 || !logs.isEmpty()) {
                throw KforgeException.badInput("give --boot twice (A, then B) and no log files", "kforge compare --boot \"--append quiet\" --boot \"\"");
            }
            Path dir = Files.createTempDirectory("kforge-compare-");
            files.add(boot(boots.get(0), dir.resolve("a")));
            files.add(boot(boots.get(1), dir.resolve("b")));
        }
        if (files.size() != 2) throw KforgeException.badInput("compare needs two logs", "kforge compare A.log B.log");
        for (Path p : files) {
            InputFile.check(p, "log");
        }
        Comparison c = LogComparer.compare(files.get(0), files.get(1));
        System.out.print(report.json ? CompareReport.json(c) + "\n" : CompareReport.text(c));
        return c.identical() ? ExitCode.OK : ExitCode.TARGET_FAILED;
    }

    /** Boots once exactly as "kforge boot ARGS --out DIR" would (its console goes to stderr); returns its console.log. */
    private static Path boot(String args, Path out) {
        List<String> argv = new ArrayList<>(words(args));
        argv.add("--out");
        argv.add(out.toString());
        argv.add("--quiet");
        System.err.println("kforge: boot " + String.join(" ", argv));
        java.io.PrintStream stdout = System.out;
        int rc;
        try {
            System.setOut(System.err);
            rc = Main.run(prepend("boot", argv));
        } finally {
            System.setOut(stdout);
        }
        Path log = out.resolve("console.log");
        if (!Files.exists(log)) {
            throw KforgeException.badInput("kforge boot " + args + " left no console.log (exit " + rc + ")", "run that boot alone to see why");
        }
        return log;
    }

    private static String[] prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    /** Splits ARGS like a shell would for plain words and quoted strings. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else w.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || w.length() > 0) out.add(w.toString());
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) out.add(w.toString());
        return out;
    }
}
