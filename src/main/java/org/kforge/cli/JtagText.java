package org.kforge.cli;

import org.kforge.jtag.JtagBoardFile;
import org.kforge.qemu.QemuPlan;

/** What kforge jtag prints about a board before it starts OpenOCD. */
final class JtagText {
    private JtagText() {
    }

    static void printPlan(JtagBoardFile.Board board, QemuPlan plan) {
        var s = board.jtag();
        System.out.println("board:    " + board.name() + " (" + s.chip() + ", " + s.cores() + " cores, DAP IDCODE " + s.idcodeText() + ")");
        System.out.println("adapter:  " + s.adapter().describe() + ", " + s.speedKhz() + " kHz");
        System.out.println("servers:  gdb 127.0.0.1:" + s.ports().gdb() + ", tcl " + s.ports().tcl() + ", telnet " + s.ports().telnet());
        System.out.println();
        System.out.print(plan.explain());
    }
}
