package org.kforge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.kforge.lab.LabVerdict;
import org.kforge.report.HtmlReport;
import org.kforge.report.LabVerdictReport;
import org.kforge.report.RunSummary;
import picocli.CommandLine.Model.CommandSpec;

/** A judged LAVA job on the terminal (the verdict, LAVA's result, the logs) or as JSON; the exit code. */
final class LabReport {
    private LabReport() {
    }

    /** What the reports (report.html, --junit) show of a judged job: kforge's verdict on the console LAVA read. */
    static RunSummary summary(LabVerdict v, Path runDir) {
        return RunSummary.of(v.kforge(), runDir.resolve("console.log"));
    }

    /** Also writes the verdict into the run directory ({@code result.json}) and the page ({@code report.html}). */
    static int print(CommandSpec spec, LabVerdict v, Path runDir, boolean strict) throws java.io.IOException {
        boolean json = Main.json(spec);
        java.nio.file.Files.writeString(runDir.resolve("result.json"), LabVerdictReport.json(v) + "\n");
        HtmlReport.write(java.util.List.of(summary(v, runDir)), runDir.resolve("report.html"));
        PrintWriter human = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        human.print("\n" + LabVerdictReport.text(v));
        human.println("  log: " + runDir.resolve("console.log") + " (LAVA's: " + runDir.resolve("lava.log") + ")");
        human.println("  report: " + runDir.resolve("report.html"));
        if (json) spec.commandLine().getOut().println(LabVerdictReport.json(v));
        return v.exitCode(strict);
    }
}
