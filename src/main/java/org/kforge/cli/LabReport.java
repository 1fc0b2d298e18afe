package org.kforge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.kforge.lab.LabVerdict;
import picocli.CommandLine.Model.CommandSpec;

/** A judged LAVA job on the terminal (the verdict, LAVA's result, the logs) or as JSON; the exit code. */
final class LabReport {
    private LabReport() {
    }

    static int print(CommandSpec spec, LabVerdict v, Path runDir, boolean strict) {
        boolean json = Main.json(spec);
        PrintWriter human = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        human.print("\n" + v.text());
        human.println("  log: " + runDir.resolve("console.log") + " (LAVA's: " + runDir.resolve("lava.log") + ")");
        if (json) spec.commandLine().getOut().println(v.json());
        return v.exitCode(strict);
    }
}
