package org.kforge.cli;

import picocli.CommandLine.Command;

@Command(name = "image", mixinStandardHelpOptions = true, description = "Make images for the twin.",
        subcommands = {ImageRootfsCommand.class})
final class ImageCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
