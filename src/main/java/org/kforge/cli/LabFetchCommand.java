package org.kforge.cli;

import picocli.CommandLine.Command;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Fetch finished LAVA jobs from a server and judge each console.",
                "The log and LAVA's result, judged with kforge's verdict engine as kforge lab watch does at the end;",
                "a job still running is refused (watch waits for it)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every job booted and LAVA passed it", "1:a target failed (kforge's verdict)", "2:bad usage, an unfinished or unknown job, a refused token",
                "3:the lab failed (LAVA's infrastructure error) or the server cannot be reached"})
final class LabFetchCommand extends LabWatchCommand {
    @Override
    boolean waits() {
        return false;
    }
}
