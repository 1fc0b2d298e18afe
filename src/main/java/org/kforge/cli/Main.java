package org.kforge.cli;

import org.kforge.KforgeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point: parses, delegates, and turns every failure into one line and an exit code. */
@Command(name = "kforge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A workbench for Linux kernel bring-up on ARM boards and their QEMU twins.",
        subcommands = {ProfilesCommand.class, BoardCommand.class, PowerCommand.class, DeployCommand.class, ConsoleCommand.class, BootCommand.class, DoctorCommand.class, CompareCommand.class, DebugCommand.class,
                GdbCommand.class, QmpCommand.class, DtCommand.class, ConfigCommand.class, BuildCommand.class,
                PciCommand.class, VfioCommand.class, ImageCommand.class, SshCommand.class, CdsTrainingCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs kforge in-process and returns its exit code (tests call this). */
    public static int run(String... args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new Main());
        // kforge ssh --board twin uname -r: the words after the first one of the command are the command's
        cli.getSubcommands().get("ssh").getCommandSpec().parser().stopAtPositional(true);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> report(ex, verbose));
        cli.setParameterExceptionHandler((ex, cmdArgs) -> {
            System.err.println("kforge: " + ex.getMessage());
            System.err.println("  see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    private static int report(Exception ex, boolean verbose) {
        if (ex instanceof KforgeException k) {
            System.err.println("kforge: " + k.getMessage());
            if (k.hint() != null) System.err.println("  fix: " + k.hint());
            if (verbose) ex.printStackTrace();
            return k.exitCode();
        }
        System.err.println("kforge: internal error: " + ex);
        System.err.println("  run again with --verbose for the stack trace, and report it");
        if (verbose) ex.printStackTrace();
        return ExitCode.USAGE;
    }
}
