package org.kforge.cli;

import java.nio.file.Path;
import org.kforge.KforgeException;
import org.kforge.jtag.JtagBoardFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "jtag", mixinStandardHelpOptions = true,
        description = "Debug a board's kernel over JTAG through Debian's OpenOCD: check the scan chain, attach a debugger.",
        subcommands = {JtagCheckCommand.class, JtagAttachCommand.class})
final class JtagCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--board", paramLabel = "BOARD", description = "a board (kforge profiles lists them; shipped with JTAG: rpi4, rpi-cm4)")
    String board;
    @Option(names = "--board-file", paramLabel = "FILE", description = "a board file of your own (its jtag: section)")
    Path boardFile;

    JtagBoardFile.Board select() {
        if ((board == null) == (boardFile == null)) {
            throw KforgeException.badInput("give one of --board NAME or --board-file FILE", "kforge jtag --board rpi4 check");
        }
        return board != null ? JtagBoardFile.of(org.kforge.profile.BoardRegistry.fromEnvironment().select(board)) : JtagBoardFile.file(boardFile);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
