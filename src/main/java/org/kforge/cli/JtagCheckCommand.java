package org.kforge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
    @ParentCommand JtagCommand parent;
    @Option(names = "--dry-run", description = "print the openocd command (a reason per option) and do nothing")
    boolean dryRun;
    @Option(names = "--config-txt", paramLabel = "FILE", description = "the board's config.txt: check it says enable_jtag_gpio=1")
    Path configTxt;
    @Option(names = "--json", description = "print the verdict as JSON on stdout (board, command, exit, headline, notes, fix)")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        JtagBoardFile.Board board = parent.select();
        QemuPlan plan = OpenOcdPlanner.plan(board.jtag());
        if (configTxt != null && !Files.isRegularFile(configTxt)) {
            throw KforgeException.badInput("--config-txt " + configTxt + ": no such file", "give the board's config.txt (its boot partition)");
        }
        if (dryRun) {
            JtagText.printPlan(board, plan);
            return ExitCode.OK;
        }
        System.err.println("kforge: " + plan.commandLine());
        ChainVerdict v = ChainCheck.run(board.jtag(), plan, configTxt == null ? null : ConfigTxt.read(configTxt),
                msg -> System.err.println("kforge: " + msg));
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("board", board.name());
            out.put("command", plan.argv());
            out.put("exit", v.exitCode());
            out.put("headline", v.headline());
            out.put("notes", v.notes());
            out.put("fix", v.fix());
            try {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return v.exitCode();
        }
        System.out.println((v.exitCode() == 0 ? "OK: " : "FAILED: ") + ConsoleText.printable(v.headline()));
        for (String note : v.notes()) System.out.println("  note: " + ConsoleText.printable(note));
        if (v.fix() != null) System.out.println("  fix: " + v.fix());
        return v.exitCode();
    }
}
