package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What every command shares: --verbose and --json anywhere, one exit code per kind of failure, one name per meaning. */
class CliConventionsTest {
    @Test
    void verboseIsInheritedAndGivesTheStackTrace() {
        CliRun plain = CliRun.of("boot", "--dry-run", "--accel", "fast");
        assertThat(plain.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(plain.err()).contains("--accel fast").doesNotContain("\tat org.kforge");
        CliRun verbose = CliRun.of("boot", "--dry-run", "--accel", "fast", "--verbose");
        assertThat(verbose.err()).contains("\tat org.kforge");
        assertThat(CliRun.of("--verbose", "boot", "--dry-run", "--accel", "fast").err()).contains("\tat org.kforge");
    }

    private static void everyCommand(CommandLine c, java.util.function.Consumer<CommandLine> check) {
        check.accept(c);
        c.getSubcommands().values().forEach(s -> everyCommand(s, check));
    }

    @Test
    void jsonAndVerboseAreOneOptionEverywhere() {
        everyCommand(new CommandLine(new KforgeCommands()), c -> {
            for (String name : new String[] {"--json", "--verbose"}) {
                assertThat(c.getCommandSpec().findOption(name)).as(c.getCommandSpec().qualifiedName() + " " + name).isNotNull();
                assertThat(c.getCommandSpec().findOption(name).inherited() || c.getCommandSpec().parent() == null).isTrue();
            }
        });
        assertThat(CliRun.of("dt", "dma", "--help").err()).doesNotContain("Unknown option");
    }

    @Test
    void anInternalErrorHasItsOwnExitCode() {
        assertThat(Main.report(new java.io.PrintWriter(java.io.Writer.nullWriter()), new IllegalStateException("a bug"), false)).isEqualTo(ExitCode.INTERNAL).isNotIn(1, 2, 3);
    }

    @Test
    void runDirNamesARunDirectoryAndRunKeepsItsOldMeaningHidden() {
        CommandLine kforge = new CommandLine(new KforgeCommands());
        for (String cmd : new String[] {"qmp", "ssh", "debug regs", "debug continue"}) {
            CommandLine c = kforge;
            for (String word : cmd.split(" ")) c = c.getSubcommands().get(word);
            assertThat(c.getCommandSpec().findOption("--run-dir")).as(cmd).isNotNull();
            assertThat(c.getCommandSpec().findOption("--run").hidden()).as(cmd).isTrue();
        }
        assertThat(CliRun.of("qmp", "--run", "/nonexistent-run", "status").err()).contains("/nonexistent-run");
        assertThat(CliRun.of("boot", "--help").out()).contains("--run=COMMAND");
    }
}
