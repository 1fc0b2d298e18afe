package org.kforge.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kforge.console.Diagnosis;
import org.kforge.console.LogDoctor;

/**
 * A LAVA job's console judged by kforge, however the log came (lava-run here, a server's API): the console
 * LAVA read written to {@code console.log}, replayed through the verdict engine, the verdict next to LAVA's result.
 */
public final class LabJudge {
    private LabJudge() {
    }

    /** A finished job on a server: its log saved as {@code lava.log}, its console judged. */
    public static LabVerdict fromServer(LavaServer server, LavaServer.JobState job, Path runDir) throws IOException {
        String text = server.log(job.id());
        Files.writeString(runDir.resolve("lava.log"), text);
        LavaLog log = new LavaLog();
        text.lines().forEach(log::accept);
        return judge(log, server.result(job), runDir);
    }

    public static LabVerdict judge(LavaLog log, LavaResult lava, Path runDir) throws IOException {
        Path console = runDir.resolve("console.log");
        Files.write(console, log.console(), StandardCharsets.UTF_8);
        Diagnosis d;
        try (InputStream in = Files.newInputStream(console)) {
            d = LogDoctor.examine(in, console.toString());
        }
        return LabVerdict.of(d, lava, log.deviceStarted());
    }
}
