package org.kforge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.ktap.KtapParser;
import org.kforge.ktap.KtapRun;
import org.kforge.report.KtapJson;
import org.kforge.report.KtapText;
import org.kforge.report.RunSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ktap", mixinStandardHelpOptions = true,
        description = {"The KTAP results (KUnit, kselftest) in saved console logs: every suite and case, and the counts",
                "kunit.py reports (passed, failed, crashed, skipped, errors). --json: the results as data;",
                "--junit FILE: JUnit XML with the doctor's verdict on each log beside the KTAP cases."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every test passed or was skipped, and the KTAP had no error", "1:a test failed or crashed, the KTAP had errors, or a log has none",
                "2:bad usage or unreadable input"})
final class TestKtapCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "LOG", description = "console logs; - reads standard input")
    List<String> files;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    JunitOption junit = new JunitOption();

    @Override
    public Integer call() {
        junit.check();
        if (junit.file != null && files.contains("-")) {
            throw KforgeException.badInput("--junit reads each log twice (its KTAP, then its verdict): standard input can be read once",
                    "save the log to a file and give that");
        }
        List<KtapRun> runs = new ArrayList<>();
        for (String f : files) runs.add(read(f));
        if (junit.file != null) {
            // the verdict beside the results: a kernel that died mid-suite says why there
            List<RunSummary> summaries = new ArrayList<>();
            for (String f : files) summaries.add(RunSummary.of(DoctorCommand.examine(f), f.equals("-") ? null : Path.of(f)));
            junit.write("test", summaries);
        }
        if (Main.json(spec)) spec.commandLine().getOut().println(KtapJson.render(runs));
        else runs.forEach(r -> spec.commandLine().getOut().print(KtapText.render(r, runs.size() > 1)));
        return runs.stream().allMatch(TestKtapCommand::good) ? ExitCode.OK : ExitCode.TARGET_FAILED;
    }

    /** Nothing failed or crashed, no KTAP error, and some KTAP at all. */
    static boolean good(KtapRun r) {
        return r.found() && r.counts().failed() == 0 && r.counts().crashed() == 0 && r.counts().errors() == 0;
    }

    static KtapRun read(String file) {
        return DoctorCommand.read(file, KtapParser::parse);
    }
}
