package org.kforge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kforge.TerminalText;
import org.kforge.dt.Fdt;
import org.kforge.dt.TreeDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "diff", description = "Nodes and properties added (+), removed (-) and changed (~) from A to B.")
final class DtDiffCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "A") Path a;
    @Parameters(index = "1", paramLabel = "B") Path b;

    @Override
    public Integer call() {
        var changes = TreeDiff.between(Fdt.read(a), Fdt.read(b));
        changes.forEach(c -> spec.commandLine().getOut().println(TerminalText.visible(c.toString())));
        if (changes.isEmpty()) spec.commandLine().getOut().println("no differences");
        return ExitCode.OK;
    }
}
