package org.kforge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kforge.dt.DtsWriter;
import org.kforge.dt.Fdt;
import org.kforge.dt.NodeLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Print the tree, or one subtree, as DTS text the way dtc -I dtb -O dts does.")
final class DtShowCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DTB") Path dtb;
    @Parameters(index = "1", arity = "0..1", paramLabel = "NODE", description = "path, alias or unique node name")
    String node;

    @Override
    public Integer call() {
        Fdt fdt = Fdt.read(dtb);
        spec.commandLine().getOut().print(node == null ? DtsWriter.source(fdt) : DtsWriter.node(NodeLookup.resolve(fdt, node)));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
