package org.kforge.cli;

import org.kforge.KforgeException;
import org.kforge.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point: parses, delegates, and turns every failure into one line and an exit code. */
@Command(name = "kforge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A workbench for Linux kernel bring-up on ARM boards and their QEMU twins.",
        subcommands = {ProfilesCommand.class, BootCommand.class, DoctorCommand.class, CompareCommand.class, DebugCommand.class,
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
        withHelp(cli);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> report(ex, verbose));
        cli.setParameterExceptionHandler((ex, cmdArgs) -> {
            System.err.println("kforge: " + TerminalText.visible(ex.getMessage()));
            System.err.println("  see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ExitCode.USAGE;
        });
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // a last resort: every reader has its bound (Limits); reaching here is a bound missing, so say so plainly
            System.err.println("kforge: the input is too large or too deeply nested to read (" + e.getClass().getSimpleName() + ")");
            System.err.println("  fix: check the input; if it is a real one, report it with the command that gave this");
            return ExitCode.USAGE;
        }
    }

    /** Every command and subcommand answers --help (and -h) with its usage and exit 0, parameters or not. */
    private static void withHelp(CommandLine cmd) {
        CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
        if (spec.findOption("--help") == null && spec.findOption("-h") == null) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        cmd.getSubcommands().values().forEach(Main::withHelp);
    }

    private static int report(Exception ex, boolean verbose) {
        if (ex instanceof KforgeException k) {
            System.err.println("kforge: " + TerminalText.visible(k.getMessage()));
            if (k.hint() != null) System.err.println("  fix: " + TerminalText.visible(k.hint()));
            if (verbose) ex.printStackTrace();
            return k.exitCode();
        }
        System.err.println("kforge: internal error: " + TerminalText.visible(String.valueOf(ex)));
        System.err.println("  run again with --verbose for the stack trace, and report it");
        if (verbose) ex.printStackTrace();
        return ExitCode.USAGE;
    }
}
