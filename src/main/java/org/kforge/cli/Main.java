package org.kforge.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.kforge.KforgeException;
import org.kforge.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The one entry point: parses, delegates, and turns every failure into one line and an exit code. */
@Command(name = "kforge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A workbench for Linux kernel bring-up on ARM boards and their QEMU twins.")
public class Main implements Runnable {

    /**
     * The commands, in the order help lists them ({@link KforgeCommands} names them). A run registers only the
     * one it needs: picocli builds a command's model by reflection, and building all of them cost a boot about
     * half a second before QEMU could start.
     */
    static final List<Class<?>> COMMANDS = List.of(KforgeCommands.class.getAnnotation(Command.class).subcommands());
    /** Commands that read the whole tree (help of any command, the completion script). */
    private static final Set<String> WHOLE_TREE = Set.of("help", "completion", "cds-training");

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "stack traces on internal errors")
    boolean verbose;
    @Option(names = "--json", scope = ScopeType.INHERIT, description = "JSON (snake_case) on stdout, where the command has it")
    boolean json;

    /** Whether --json was given, anywhere on the command line. */
    static boolean json(CommandLine.Model.CommandSpec spec) {
        return ((Main) spec.root().userObject()).json;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /**
     * Runs kforge in-process with its output on {@code out} and {@code err} (picocli's streams: every command
     * prints through them) and returns its exit code. Tests, and compare --job, call this.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Class<?> one = command(args);
        Main main = one == null ? new KforgeCommands() : new Main();
        CommandLine cli = new CommandLine(main);
        if (one != null) {
            cli.addSubcommand(one);
            cli.getSubcommands().values().stream().map(CommandLine::getCommand).filter(WarmsUp.class::isInstance)
                    .forEach(c -> ((WarmsUp) c).warmUp());
        }
        // after the subcommand is added: picocli passes these settings down to the subcommands it has at the time
        cli.setOut(out).setErr(err);
        // kforge ssh --board twin uname -r: the words after the first one of the command are the command's
        CommandLine ssh = cli.getSubcommands().get("ssh");
        if (ssh != null) ssh.getCommandSpec().parser().stopAtPositional(true);
        withHelp(cli);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> report(cmd.getErr(), ex, main.verbose));
        cli.setParameterExceptionHandler((ex, cmdArgs) -> {
            err.println("kforge: " + TerminalText.visible(ex.getMessage()));
            err.println("  see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ExitCode.USAGE;
        });
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // a last resort: every reader has its bound (Limits); reaching here is a bound missing, so say so plainly
            err.println("kforge: the input is too large or too deeply nested to read (" + e.getClass().getSimpleName() + ")");
            err.println("  fix: check the input; if it is a real one, report it with the command that gave this");
            return ExitCode.USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command the first argument names, or null for the whole tree (no command, an option, help, a typo). */
    static Class<?> command(String... args) {
        if (args.length == 0 || WHOLE_TREE.contains(args[0])) return null;
        for (Class<?> command : COMMANDS) {
            Command c = command.getAnnotation(Command.class);
            if (c.name().equals(args[0]) || Arrays.asList(c.aliases()).contains(args[0])) return command;
        }
        return null;
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

    static int report(PrintWriter err, Exception ex, boolean verbose) {
        if (ex instanceof KforgeException k) {
            err.println("kforge: " + TerminalText.visible(k.getMessage()));
            if (k.hint() != null) err.println("  fix: " + TerminalText.visible(k.hint()));
            if (verbose) ex.printStackTrace(err);
            return k.exitCode();
        }
        err.println("kforge: internal error: " + TerminalText.visible(String.valueOf(ex)));
        err.println("  run again with --verbose for the stack trace, and report it");
        if (verbose) ex.printStackTrace(err);
        return ExitCode.INTERNAL;
    }
}
