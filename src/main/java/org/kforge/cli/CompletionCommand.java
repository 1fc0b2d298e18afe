package org.kforge.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kforge completion bash|zsh}: picocli's completion script for every command, option and profile name. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script: subcommands, options and profile names.",
                "bash: source <(kforge completion bash)   zsh: autoload -U bashcompinit && bashcompinit && source <(kforge completion zsh)"})
final class CompletionCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHELL", description = "bash or zsh", completionCandidates = Shells.class)
    String shell;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("bash", "zsh").iterator();
        }
    }

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw org.kforge.KforgeException.badInput("completion " + shell + ": expected bash or zsh", "kforge completion bash");
        }
        // picocli's script serves zsh too, through bashcompinit
        spec.commandLine().getOut().print(AutoComplete.bash("kforge", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
