package org.kforge.cli;

import picocli.CommandLine.Command;

/** {@code kforge dt}: read device trees, translate CPU, bus and DMA addresses. */
@Command(name = "dt",
        mixinStandardHelpOptions = true,
        description = "Read device trees (DTB) and translate CPU, bus and DMA addresses.",
        subcommands = {DtShowCommand.class, DtFindCommand.class, DtTranslateCommand.class, DtDmaCommand.class,
                DtDiffCommand.class, DtDumpCommand.class})
final class DtCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
