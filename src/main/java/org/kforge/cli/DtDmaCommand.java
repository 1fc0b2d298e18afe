package org.kforge.cli;

import org.kforge.NumberArg;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.kforge.KforgeException;
import org.kforge.TerminalText;
import org.kforge.dt.Cells;
import org.kforge.dt.DmaRange;
import org.kforge.dt.DmaView;
import org.kforge.dt.Fdt;
import org.kforge.dt.NodeLookup;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dma", description = "Show a device's DMA view: dma-ranges up to the root, windows, limits, coherency.")
final class DtDmaCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DTB") Path dtb;
    @Parameters(index = "1", paramLabel = "NODE", description = "path, alias or unique node name") String nodeSpec;
    @ArgGroup(exclusive = true) Query query;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    static final class Query {
        @Option(names = "--cpu", paramLabel = "ADDR", description = "print the bus address the device must be given") String cpu;
        @Option(names = "--bus", paramLabel = "ADDR", description = "print the CPU address a bus address lands on") String bus;
    }

    @Override
    public Integer call() {
        DmaView v = DmaView.of(NodeLookup.resolve(Fdt.read(dtb), nodeSpec));
        String warning = v.busDiffersFromCpu() ? DmaView.PHYS_AS_DMA_WARNING : null;
        String answer = query == null ? null : answer(v);
        if (Main.json(spec)) {
            Map<String, Object> m = DtJson.dma(v, warning);
            if (answer != null) m.put("answer", answer);
            DtJson.print(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getOut().print(DmaText.of(v, warning));
            if (answer != null) spec.commandLine().getOut().println(TerminalText.visible(answer));
        }
        return ExitCode.OK;
    }

    private String answer(DmaView v) {
        boolean toBus = query.cpu != null;
        long addr = NumberArg.parse(toBus ? "CPU address" : "bus address", toBus ? query.cpu : query.bus);
        var result = toBus ? v.busFor(addr) : v.cpuFor(addr);
        if (result.isEmpty()) {
            String windows = v.windows().stream().map(DmaRange::toString).collect(Collectors.joining("; "));
            throw KforgeException.badInput((toBus ? "CPU" : "bus") + " address " + Cells.hex(addr) + " is outside every DMA window of "
                    + v.device().path() + ": " + windows, toBus ? "allocate the buffer inside a window (a bounce buffer does this)" : null);
        }
        return toBus ? "CPU " + Cells.hex(addr) + " -> bus address for the device: " + Cells.hex(result.get())
                : "bus " + Cells.hex(addr) + " -> lands at CPU " + Cells.hex(result.get());
    }
}
