package org.kforge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.lab.LavaJob;
import org.kforge.lab.LavaServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submit LAVA jobs to a LAVA server; prints each job's id.",
                "The server's REST API (/api/v0.2/jobs/) with a user's token; the jobs from kforge lab job.",
                "Then: kforge lab watch --server URL --token TOKEN ID... (waits, fetches, judges)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:submitted", "2:bad usage, a job the server refused, a token it refused", "3:the server cannot be reached"})
final class LabSubmitCommand implements Callable<Integer> {
    @CommandLine.Mixin
    LabServerOptions server = new LabServerOptions();
    @Parameters(arity = "1..*", paramLabel = "JOB", description = "LAVA job files")
    List<Path> jobs;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        List<String> definitions = new ArrayList<>();
        for (Path j : jobs) {
            LavaJob.read(j);
            definitions.add(Files.readString(j));
        }
        LavaServer s = server.server();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            List<Integer> ids = s.submit(definitions.get(i));
            all.addAll(ids);
            if (!Main.json(spec)) spec.commandLine().getOut().println(jobs.get(i) + ": job " + ids.stream().map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElseThrow(() -> new KforgeException(1, "no job id", null)));
        }
        if (Main.json(spec)) spec.commandLine().getOut().println(org.kforge.Json.write(all));
        return ExitCode.OK;
    }
}
