package org.kforge.cli;

import picocli.CommandLine.Command;

@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "kforge's boot on LAVA: write the LAVA job, run it through Debian's lava-dispatcher, judge its console.",
        subcommands = {LabJobCommand.class, LabRunCommand.class, LabSubmitCommand.class, LabWatchCommand.class, LabFetchCommand.class})
final class LabCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
