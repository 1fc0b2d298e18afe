package org.kforge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * kforge with every command, for what reads the whole tree: help, the completion script, the man pages
 * (picocli-codegen is given this class). A run of one command registers only that one (see {@link Main}).
 */
@Command(name = "kforge",
        subcommands = {ProfilesCommand.class, BoardCommand.class, PowerCommand.class, DeployCommand.class,
                ConsoleCommand.class, BootCommand.class, DoctorCommand.class, TestCommand.class, ReportCommand.class,
                CompareCommand.class, DebugCommand.class, GdbCommand.class, QmpCommand.class, DtCommand.class,
                ConfigCommand.class, BuildCommand.class, PciCommand.class, BisectCommand.class, VfioCommand.class,
                ImageCommand.class, JtagCommand.class, SshCommand.class, CompletionCommand.class,
                CdsTrainingCommand.class, LabCommand.class, CommandLine.HelpCommand.class})
public final class KforgeCommands extends Main {
}
