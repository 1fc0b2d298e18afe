package org.kforge.cli;

import picocli.CommandLine.Command;

/** {@code kforge config}: kernel configs that keep what you asked for. */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        description = "Read, compare, explain and check kernel .config files against the tree's Kconfig.",
        subcommands = {ConfigDiffCommand.class, ConfigWhyCommand.class, ConfigCheckCommand.class, ConfigNewCommand.class})
final class ConfigCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
