package org.kforge.cli;

import java.nio.file.Path;
import org.kforge.jtag.JtagBoardFile;
import org.kforge.jtag.OpenOcdAttach;
import org.kforge.qemu.QemuPlan;

/** What kforge jtag prints about a board before it starts OpenOCD. */
final class JtagText {
    private JtagText() {
    }

    static void printPlan(java.io.PrintWriter out, JtagBoardFile.Board board, QemuPlan plan) {
        var s = board.jtag();
        out.println("board:    " + board.name() + " (" + s.chip() + ", " + s.cores() + " cores, DAP IDCODE " + s.idcodeText() + ")");
        out.println("adapter:  " + s.adapter().describe() + ", " + s.speedKhz() + " kHz");
        out.println("servers:  gdb 127.0.0.1:" + s.ports().gdb() + ", tcl " + s.ports().tcl() + ", telnet " + s.ports().telnet());
        out.println();
        out.print(plan.explain());
    }

    /** The line a user types to debug the board with gdb instead of kforge debug. */
    static String gdbLine(int gdbPort, Path vmlinux) {
        return "gdb-multiarch -q -ex 'set architecture aarch64'" + (vmlinux == null ? "" : " -ex 'file " + vmlinux.toAbsolutePath() + "'")
                + " -ex 'target extended-remote 127.0.0.1:" + gdbPort + "'";
    }

    static void printAttached(java.io.PrintWriter out, JtagBoardFile.Board board, OpenOcdAttach.Attached a, Path runDir, boolean latest, Path vmlinux) {
        var s = board.jtag();
        out.println("attached: " + board.name() + " over JTAG, openocd pid " + a.openocd().pid() + ", gdb server 127.0.0.1:" + a.gdbPort()
                + " (" + String.join(", ", a.cores()) + (s.smp() ? " as gdb threads 1-" + a.cores().size() : "") + ")");
        out.println("run:      " + runDir + (latest ? " (the latest run: kforge debug and kforge gdb find it)" : ""));
        out.println("  kforge debug regs [--core N] | break SYMBOL | continue [--until SYMBOL] | mem ADDR LEN" + (latest ? "" : " --run-dir " + runDir));
        out.println("  " + gdbLine(a.gdbPort(), vmlinux));
        out.println("Ctrl-C stops openocd.");
    }
}
