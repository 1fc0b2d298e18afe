package org.kforge.cli;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.console.ConsoleText;
import org.kforge.jtag.ChainCheck;
import org.kforge.jtag.ChainVerdict;
import org.kforge.jtag.ConfigTxt;
import org.kforge.jtag.JtagBoardFile;
import org.kforge.jtag.OpenOcdPlanner;
import org.kforge.qemu.QemuPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Start OpenOCD with the board's files, read the JTAG scan chain over its TCL port, and say whether the SoC's DAP answered."
                + " Exit 0: it did; 1: something else or nothing answered; 3: no adapter.")
final class JtagCheckCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @ParentCommand JtagCommand parent;
    @Option(names = "--dry-run", description = "print the openocd command (a reason per option) and do nothing")
    boolean dryRun;
    @Option(names = "--config-txt", paramLabel = "FILE", description = "the board's config.txt: check it says enable_jtag_gpio=1")
    Path configTxt;

    @Override
    public Integer call() throws InterruptedException {
        JtagBoardFile.Board board = parent.select();
        QemuPlan plan = OpenOcdPlanner.plan(board.jtag());
        if (configTxt != null && !Files.isRegularFile(configTxt)) {
            throw KforgeException.badInput("--config-txt " + configTxt + ": no such file", "give the board's config.txt (its boot partition)");
        }
        if (dryRun) {
            JtagText.printPlan(spec.commandLine().getOut(), board, plan);
            return ExitCode.OK;
        }
        spec.commandLine().getErr().println("kforge: " + plan.commandLine());
        ChainVerdict v = ChainCheck.run(board.jtag(), plan, configTxt == null ? null : ConfigTxt.read(configTxt),
                msg -> spec.commandLine().getErr().println("kforge: " + msg));
        if (Main.json(spec)) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("board", board.name());
            out.put("command", plan.argv());
            out.put("exit", v.exitCode());
            out.put("headline", v.headline());
            out.put("notes", v.notes());
            out.put("fix", v.fix());
            spec.commandLine().getOut().println(org.kforge.Json.write(out));
            return v.exitCode();
        }
        spec.commandLine().getOut().println((v.exitCode() == 0 ? "OK: " : "FAILED: ") + ConsoleText.printable(v.headline()));
        for (String note : v.notes()) spec.commandLine().getOut().println("  note: " + ConsoleText.printable(note));
        if (v.fix() != null) spec.commandLine().getOut().println("  fix: " + v.fix());
        return v.exitCode();
    }
}
