package org.kforge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.dt.DtsWriter;
import org.kforge.dt.Fdt;
import org.kforge.dt.NodeLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = {"Print the tree, or one subtree, as DTS text the way dtc -I dtb -O dts does.",
        "Several DTBs in one run (dt show *.dtb): each opens with a '// FILE' line; one that cannot be read is one",
        "line on stderr, the others are printed, and the exit code is 2."})
final class DtShowCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(arity = "1..*", paramLabel = "DTB",
            description = "device tree blobs; after exactly one DTB, an argument that is no file is the NODE to print")
    List<String> args;
    @Option(names = "--node", paramLabel = "NODE", description = "path, alias or unique node name: print only that subtree of each DTB")
    String nodeOption;

    @Override
    public Integer call() {
        // "dt show A.dtb serial0" (one tree, one node) as before; "dt show A.dtb B.dtb ..." many trees
        boolean nodeLast = nodeOption == null && args.size() == 2 && !Files.isRegularFile(Path.of(args.get(1)));
        List<String> dtbs = nodeLast ? args.subList(0, 1) : args;
        String node = nodeLast ? args.get(1) : nodeOption;
        EachInput each = new EachInput(spec.commandLine().getErr(), dtbs.size());
        var out = spec.commandLine().getOut();
        for (String dtb : dtbs) {
            String text = each.run(dtb, () -> {
                Fdt fdt = Fdt.read(Path.of(dtb));
                return node == null ? DtsWriter.source(fdt) : DtsWriter.node(NodeLookup.resolve(fdt, node));
            });
            if (text == null) continue;
            if (dtbs.size() > 1) out.print("// " + org.kforge.TerminalText.visible(dtb) + "\n");
            out.print(text);
            out.flush();
        }
        return each.exitCode(ExitCode.OK);
    }
}
