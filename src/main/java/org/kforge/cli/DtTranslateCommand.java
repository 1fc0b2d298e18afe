package org.kforge.cli;

import org.kforge.NumberArg;
import org.kforge.TerminalText;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.dt.AddressCells;
import org.kforge.dt.AddressTranslator;
import org.kforge.dt.BusType;
import org.kforge.dt.Cells;
import org.kforge.dt.Fdt;
import org.kforge.dt.FdtNode;
import org.kforge.dt.NodeLookup;
import org.kforge.dt.Translation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "translate", description = "Translate a node's reg entry (or a bus address) to a CPU physical address, hop by hop.")
final class DtTranslateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DTB") Path dtb;
    @Parameters(index = "1", paramLabel = "NODE", description = "path, alias or unique node name") String nodeSpec;
    @Parameters(index = "2", arity = "0..1", paramLabel = "INDEX|ADDR",
            description = "reg entry index (default 0), or a 0x bus address on the node's parent bus") String what;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        FdtNode node = NodeLookup.resolve(Fdt.read(dtb), nodeSpec);
        String start;
        int[] addr;
        if (what != null && NumberArg.isHex(what)) {
            if (node.isRoot()) throw KforgeException.badInput("the root node is on no bus", null);
            addr = BusType.of(node.parent()).addressFor(NumberArg.parse("address", what), AddressCells.address(node.parent()));
            start = "bus address";
        } else {
            int index = what == null ? 0 : (int) Math.min(NumberArg.parse("reg index", what), Integer.MAX_VALUE);
            addr = AddressTranslator.reg(node, index);
            start = "reg[" + index + "]";
        }
        Translation t = AddressTranslator.translate(node, addr, AddressTranslator.RANGES);
        if (Main.json(spec)) {
            DtJson.print(spec.commandLine().getOut(), DtJson.translation(t));
        } else {
            spec.commandLine().getOut().println(TerminalText.visible(node.path()) + " " + start + " " + Cells.format(addr));
            int i = 1;
            for (Translation.Hop h : t.hops()) {
                spec.commandLine().getOut().print(TerminalText.visible(String.format("  hop %d: %s (%s bus): %s%n", i++, h.bus().path(),
                        h.type().name().toLowerCase(java.util.Locale.ROOT), h.how())));
                spec.commandLine().getOut().printf("         %s -> %s%n", Cells.format(h.before()), Cells.format(h.after()));
            }
            if (t.translated()) spec.commandLine().getOut().println("CPU physical address: " + Cells.hex(t.cpuAddress()));
        }
        if (!t.translated()) throw KforgeException.badInput("cannot translate: " + t.failure(), null);
        return ExitCode.OK;
    }
}
