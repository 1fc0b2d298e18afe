package org.kforge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.TerminalText;
import org.kforge.asset.CacheDir;
import org.kforge.boot.BootPlanner;
import org.kforge.boot.RunRegistry;
import org.kforge.lab.LabJudge;
import org.kforge.lab.LabVerdict;
import org.kforge.lab.LavaDispatcher;
import org.kforge.lab.LavaJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a twin's LAVA job through lava-run here and judge its console.",
                "Debian's lava-dispatcher runs the job (kforge lab job) on this host, as root, as a LAVA worker would;",
                "kforge's verdict engine judges the console LAVA read, next to LAVA's own result.",
                "--json: kforge's verdict, LAVA's result and the kind (booted, target-failed, infrastructure)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:booted, and LAVA passed the job", "1:the target failed (kforge's verdict on the console)",
                "2:bad usage or bad input", "3:the host or the lab failed (LAVA's infrastructure error, lava-dispatcher missing, not root)"})
final class LabRunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOB", description = "the LAVA job file (device type qemu)")
    Path jobFile;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: runs/<time>-lava-qemu under the cache)")
    Path out;
    @Option(names = {"-q", "--quiet"}, description = "do not echo the console")
    boolean quiet;
    @Option(names = "--strict", description = "exit 1 for a booted system whose devices failed too")
    boolean strict;
    @CommandLine.Mixin
    JunitOption junit = new JunitOption();

    @Override
    public Integer call() throws IOException, InterruptedException {
        junit.check();
        LavaJob job = LavaJob.read(jobFile);
        LavaDispatcher.check(job);
        boolean json = Main.json(spec);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter human = json ? err : spec.commandLine().getOut();
        BootPlanner.checkOut(out);
        CacheDir cache = CacheDir.fromEnvironment();
        Path runDir = out != null ? out : RunRegistry.newRun(cache, "lava-" + job.deviceType());
        BootPlanner.prepareRunDir(runDir);
        Files.copy(jobFile, runDir.resolve("job.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        err.println("kforge: run directory " + runDir);
        LavaDispatcher.Run run = new LavaDispatcher(msg -> err.println("kforge: " + msg),
                quiet ? line -> { } : line -> human.println(TerminalText.visible(line))).run(runDir.resolve("job.yaml"), job, runDir);
        LabVerdict v = LabJudge.judge(run.log(), run.result(), runDir);
        if (v.kind() == LabVerdict.Kind.INFRASTRUCTURE && v.kforge().lines() == 0 && !run.log().other().isEmpty()) {
            err.println("kforge: lava-run said: " + TerminalText.visible(run.log().other().get(run.log().other().size() - 1)));
        }
        int exit = LabReport.print(spec, v, runDir, strict);
        junit.write("lab", java.util.List.of(LabReport.summary(v, runDir)));
        return exit;
    }
}
