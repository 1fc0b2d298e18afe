package org.kforge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.kforge.lab.LabVerdict;
import org.kforge.report.LabVerdictReport;
import picocli.CommandLine.Model.CommandSpec;

/** A judged LAVA job on the terminal (the verdict, LAVA's result, the logs) or as JSON; the exit code. */
final class LabReport {
    private LabReport() {
    }

    /** Also writes the verdict into the run directory ({@code result.json}). */
    static int print(CommandSpec spec, LabVerdict v, Path runDir, boolean strict) throws java.io.IOException {
        boolean json = Main.json(spec);
        java.nio.file.Files.writeString(runDir.resolve("result.json"), LabVerdictReport.json(v) + "\n");
        PrintWriter human = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        human.print("\n" + LabVerdictReport.text(v));
        human.println("  log: " + runDir.resolve("console.log") + " (LAVA's: " + runDir.resolve("lava.log") + ")");
        if (json) spec.commandLine().getOut().println(LabVerdictReport.json(v));
        return v.exitCode(strict);
    }
}
