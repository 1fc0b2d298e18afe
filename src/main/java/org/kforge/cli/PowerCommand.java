package org.kforge.cli;

import java.util.concurrent.Callable;
import org.kforge.asset.CacheDir;
import org.kforge.board.PowerSwitch;
import org.kforge.profile.BoardProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "power", mixinStandardHelpOptions = true,
        description = {"Switch a board's power: on, off or cycle, as its profile says (commands, pdudaemon, a twin's stand-in)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the switch failed", "2:bad usage (no such board, no power in its profile)"})
final class PowerCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin BoardOption board;
    @Parameters(paramLabel = "on|off|cycle") String action;

    @Override
    public Integer call() throws InterruptedException {
        BoardProfile b = TwinBoards.live(board.profile(), CacheDir.fromEnvironment());
        spec.commandLine().getOut().println(b.name() + ": " + new PowerSwitch(b.power(), b.name()).apply(action));
        return ExitCode.OK;
    }
}
