package org.kforge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.boot.BootPlanner;
import org.kforge.boot.RunRegistry;
import org.kforge.lab.LabJudge;
import org.kforge.lab.LabVerdict;
import org.kforge.lab.LavaServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab watch} (follow the jobs to their end, then judge) and {@code lab fetch} (judge finished jobs now). */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Follow LAVA jobs on a server to their end, then judge each console.",
                "A line per change of state; then each log and LAVA's result are fetched and the console judged with",
                "kforge's verdict engine; several jobs end with a summary table."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every job booted and LAVA passed it", "1:a target failed (kforge's verdict)", "2:bad usage, an unknown job, a refused token",
                "3:the lab failed (LAVA's infrastructure error) or the server cannot be reached"})
class LabWatchCommand implements Callable<Integer> {
    @CommandLine.Mixin
    LabServerOptions server = new LabServerOptions();
    @Parameters(arity = "1..*", paramLabel = "ID", description = "LAVA job ids (kforge lab submit prints them)")
    List<Integer> ids;
    @Option(names = "--out", paramLabel = "DIR", description = "where each job's files go, DIR/ID (default: runs/<time>-lava-job-ID under the cache)")
    Path out;
    @Option(names = "--timeout", description = "seconds to wait for the jobs to finish (default ${DEFAULT-VALUE})", defaultValue = "1800")
    int timeout;
    @Option(names = "--strict", description = "exit 1 for a booted system whose devices failed too")
    boolean strict;
    @CommandLine.Mixin
    JunitOption junit = new JunitOption();
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether to wait for the jobs (watch) or take them as they are (fetch). */
    boolean waits() {
        return true;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        junit.check();
        LavaServer s = server.server();
        PrintWriter err = spec.commandLine().getErr();
        BootPlanner.checkOut(out);
        List<LavaServer.JobState> done = new ArrayList<>();
        for (int id : ids) done.add(waits() ? follow(s, id, err) : finished(s.job(id)));
        CacheDir cache = CacheDir.fromEnvironment();
        int exit = 0;
        List<String> rows = new ArrayList<>();
        List<org.kforge.report.RunSummary> summaries = new ArrayList<>();
        for (LavaServer.JobState j : done) {
            Path runDir = out != null ? out.resolve(Integer.toString(j.id())) : RunRegistry.newRun(cache, "lava-job-" + j.id());
            BootPlanner.prepareRunDir(runDir);
            LabVerdict v = LabJudge.fromServer(s, j, runDir);
            if (done.size() > 1 && !Main.json(spec)) spec.commandLine().getOut().println("== job " + j.id() + " (" + j.deviceType() + " on " + j.device() + ")");
            exit = Math.max(exit, LabReport.print(spec, v, runDir, strict));
            summaries.add(LabReport.summary(v, runDir));
            rows.add(String.format("%6d  %-16s %-12s %-34s %s", j.id(), j.deviceType(), j.health(), org.kforge.TerminalText.visible(v.lava().line()),
                    v.kind() == LabVerdict.Kind.INFRASTRUCTURE ? "infrastructure" : v.kforge().verdict().booted() ? "booted"
                            : v.kforge().verdict().outcome()));
        }
        junit.write("lab", summaries);
        if (done.size() > 1 && !Main.json(spec)) {
            PrintWriter o = spec.commandLine().getOut();
            o.printf("%n%6s  %-16s %-12s %-34s %s%n", "job", "device type", "LAVA health", "LAVA result", "kforge");
            rows.forEach(o::println);
        }
        return exit;
    }

    private LavaServer.JobState follow(LavaServer s, int id, PrintWriter err) throws InterruptedException {
        long end = System.nanoTime() + timeout * 1_000_000_000L;
        String last = null;
        while (true) {
            LavaServer.JobState j = s.job(id);
            String now = j.state() + (j.finished() ? " (" + j.health() + ")" : "");
            if (!now.equals(last)) err.println("kforge: job " + id + ": " + now + (j.device() == null || j.device().isEmpty() ? "" : " on " + j.device()));
            last = now;
            if (j.finished()) return j;
            if (System.nanoTime() > end) {
                throw new KforgeException(1, "job " + id + " did not finish in " + timeout + " s (it is " + j.state() + ")",
                        "kforge lab watch again later, or raise --timeout");
            }
            Thread.sleep(2000);
        }
    }

    private static LavaServer.JobState finished(LavaServer.JobState j) {
        if (!j.finished()) throw KforgeException.badInput("job " + j.id() + " is " + j.state() + ", not finished", "kforge lab watch waits for it");
        return j;
    }
}
