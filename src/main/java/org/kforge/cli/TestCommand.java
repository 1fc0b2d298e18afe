package org.kforge.cli;

import picocli.CommandLine.Command;

@Command(name = "test", mixinStandardHelpOptions = true, description = "Kernel tests: KTAP results in a console log; KUnit built, booted and read.",
        subcommands = {TestKtapCommand.class, TestKunitCommand.class})
final class TestCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
