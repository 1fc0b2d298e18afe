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
    @Parameters(index = "0", paramLabel = "A") Path a;
    @Parameters(index = "1", paramLabel = "B") Path b;

    @Override
    public Integer call() {
        var changes = TreeDiff.between(Fdt.read(a), Fdt.read(b));
        changes.forEach(c -> System.out.println(TerminalText.visible(c.toString())));
        if (changes.isEmpty()) System.out.println("no differences");
        return ExitCode.OK;
    }
}
