package org.kforge.cli;

import org.kforge.NumberArg;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.TerminalText;
import org.kforge.dt.Fdt;
import org.kforge.dt.FdtNode;
import org.kforge.dt.FdtProperty;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "find", description = "Print the paths of nodes matching a compatible string, a phandle or an alias.")
final class DtFindCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DTB") Path dtb;
    @ArgGroup(exclusive = true, multiplicity = "1") Match match;

    static final class Match {
        @Option(names = "--compatible", paramLabel = "STR") String compatible;
        @Option(names = "--phandle", paramLabel = "N") String phandle;
        @Option(names = "--alias", paramLabel = "NAME") String alias;
    }

    @Override
    public Integer call() {
        Fdt fdt = Fdt.read(dtb);
        List<String> paths;
        String what;
        if (match.compatible != null) {
            what = "compatible with " + match.compatible;
            paths = fdt.nodes().stream().filter(n -> n.property("compatible").map(FdtProperty::strings)
                    .orElse(List.of()).contains(match.compatible)).map(FdtNode::path).toList();
        } else if (match.phandle != null) {
            long ph = NumberArg.parse("phandle", match.phandle);
            what = "with phandle " + match.phandle;
            paths = fdt.byPhandle(ph).map(n -> List.of(n.path())).orElse(List.of());
        } else {
            what = "for alias " + match.alias;
            String p = fdt.aliases().get(match.alias);
            paths = p == null ? List.of() : List.of(p);
        }
        if (paths.isEmpty()) throw KforgeException.badInput("no node " + what + " in " + dtb, null);
        paths.forEach(p -> spec.commandLine().getOut().println(TerminalText.visible(p)));
        return ExitCode.OK;
    }
}
