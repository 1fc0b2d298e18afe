package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.boot.RunRegistry;
import org.kforge.boot.RunSession;
import org.kforge.jtag.JtagBoardFile;
import org.kforge.jtag.OpenOcdAttach;
import org.kforge.jtag.OpenOcdPlanner;
import org.kforge.qemu.QemuPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "attach", mixinStandardHelpOptions = true,
        description = "Start OpenOCD for the board, check the chain, and hold its gdb server for kforge debug (this run becomes the latest),"
                + " kforge gdb or gdb-multiarch; Ctrl-C stops OpenOCD.")
final class JtagAttachCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @ParentCommand JtagCommand parent;
    @Option(names = "--dry-run", description = "print the openocd command (a reason per option) and the gdb line, and do nothing")
    boolean dryRun;
    @Option(names = "--system-map", paramLabel = "FILE", description = "the board kernel's System.map: kforge debug names addresses with it")
    Path systemMap;
    @Option(names = "--vmlinux", paramLabel = "FILE", description = "the board kernel's vmlinux, for the gdb-multiarch line")
    Path vmlinux;
    @Option(names = "--out", paramLabel = "DIR", description = "run directory (session.json, openocd.log); default under the cache's runs/")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        JtagBoardFile.Board board = parent.select();
        for (Path f : new Path[] {systemMap, vmlinux}) {
            if (f != null && !Files.isRegularFile(f)) throw KforgeException.badInput(f + ": no such file", null);
        }
        QemuPlan plan = OpenOcdPlanner.plan(board.jtag());
        if (dryRun) {
            JtagText.printPlan(spec.commandLine().getOut(), board, plan);
            spec.commandLine().getOut().println();
            spec.commandLine().getOut().println(JtagText.gdbLine(board.jtag().ports().gdb(), vmlinux));
            return ExitCode.OK;
        }
        Path runDir = runDir(board.name());
        spec.commandLine().getErr().println("kforge: " + plan.commandLine());
        OpenOcdAttach.Attached a = OpenOcdAttach.start(board.jtag(), plan, runDir.resolve("openocd.log"),
                msg -> spec.commandLine().getErr().println("kforge: " + msg));
        try {
            RunRegistry runs = new RunRegistry(CacheDir.fromEnvironment());
            new RunSession(runDir.toString(), ProcessHandle.current().pid(), null, a.gdbPort(), "jtag:" + board.name(), null, null,
                    systemMap == null ? null : systemMap.toAbsolutePath().toString(), null, null).write();
            if (out == null) runs.markLatest(runDir);
            JtagText.printAttached(spec.commandLine().getOut(), board, a, runDir, out == null, vmlinux);
            while (a.openocd().isAlive()) Thread.sleep(200);
            throw new KforgeException(1, "openocd exited: " + lastLine(a.openocd().output()), "see " + runDir.resolve("openocd.log"));
        } catch (IOException e) {
            throw KforgeException.badInput("cannot write " + runDir + ": " + e.getMessage(), null);
        } finally {
            a.openocd().stop();
        }
    }

    private Path runDir(String board) {
        Path dir = out != null ? out : CacheDir.fromEnvironment().root().resolve("runs")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + "-jtag-" + board);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw KforgeException.badInput("cannot create " + dir + ": " + e.getMessage(), "give --out DIR");
        }
    }

    private static String lastLine(String log) {
        return log.lines().filter(l -> !l.isBlank()).reduce((x, y) -> y).orElse("(no output)").strip();
    }
}
