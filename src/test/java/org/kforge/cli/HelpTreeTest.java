package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand, found by walking picocli's command tree, answers --help with its usage and exit 0. */
class HelpTreeTest {

    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        walk(new CommandLine(new KforgeCommands()), new ArrayList<>(), paths);
        assertThat(paths).as("the walk found the tree").hasSizeGreaterThan(30);
        for (List<String> path : paths) {
            for (String flag : List.of("--help")) {
                List<String> argv = new ArrayList<>(path);
                argv.add(flag);
                CliRun run = CliRun.of(argv.toArray(String[]::new));
                String shown = "kforge " + String.join(" ", argv);
                assertThat(run.exitCode()).as(shown + "\n" + run.err()).isZero();
                assertThat(run.err()).as(shown).isEmpty();
                assertThat(run.out()).as(shown).contains("Usage: kforge" + (path.isEmpty() ? "" : " " + String.join(" ", path)));
            }
        }
    }

    private static void walk(CommandLine cmd, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (Map.Entry<String, CommandLine> sub : cmd.getSubcommands().entrySet()) {
            if (!sub.getKey().equals(sub.getValue().getCommandName())) continue; // an alias: walked under its name
            path.add(sub.getKey());
            walk(sub.getValue(), path, out);
            path.remove(path.size() - 1);
        }
    }
}
