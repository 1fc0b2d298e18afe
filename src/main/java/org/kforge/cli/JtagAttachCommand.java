package org.kforge.cli;

import java.util.concurrent.Callable;
import org.kforge.jtag.JtagBoardFile;
import org.kforge.jtag.OpenOcdPlanner;
import org.kforge.qemu.QemuPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "attach", mixinStandardHelpOptions = true,
        description = "Start OpenOCD for the board and keep it up for kforge debug, kforge gdb or gdb-multiarch; Ctrl-C stops it.")
final class JtagAttachCommand implements Callable<Integer> {
    @ParentCommand JtagCommand parent;
    @Option(names = "--dry-run", description = "print the openocd command (a reason per option) and do nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        JtagBoardFile.Board board = parent.select();
        QemuPlan plan = OpenOcdPlanner.plan(board.jtag());
        if (dryRun) {
            JtagText.printPlan(board, plan);
            return ExitCode.OK;
        }
        return ExitCode.OK;
    }
}
