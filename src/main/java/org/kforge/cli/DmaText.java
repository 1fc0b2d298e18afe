package org.kforge.cli;

import org.kforge.TerminalText;
import org.kforge.dt.Cells;
import org.kforge.dt.DmaRange;
import org.kforge.dt.DmaView;
import org.kforge.dt.RangeEntry;

/** The text report of dt dma. */
final class DmaText {
    private DmaText() {
    }

    static String of(DmaView v, String warning) {
        StringBuilder out = new StringBuilder();
        out.append("device: ").append(v.device().path()).append('\n');
        out.append("dma-ranges from the device up to the root:\n");
        for (DmaView.Level l : v.chain()) {
            out.append(String.format("  %-40s %s%s%n", l.node().path(), l.state(),
                    l.node() == v.definedBy() ? "  <- defines the windows" : ""));
            if (l.entries() != null) {
                for (RangeEntry e : l.entries()) out.append("      ").append(e).append('\n');
            }
        }
        if (v.identity()) {
            out.append("windows: none: bus address = CPU physical address (no dma-ranges translates this device)\n");
        } else {
            out.append("windows (bus -> CPU):\n");
            for (DmaRange w : v.windows()) {
                out.append("  ").append(w).append("  offset ").append(Cells.signedHex(w.offset())).append('\n');
            }
        }
        out.append("highest CPU address reachable: ")
                .append(v.highestCpuAddress().map(Cells::hex).orElse("no limit in the device tree")).append('\n');
        out.append("dma-coherent: ").append(v.coherent() ? "yes (from " + v.coherentAt().path() + ")" : "no").append('\n');
        for (String n : v.notes()) out.append("note: ").append(n).append('\n');
        if (warning != null) out.append("warning: bus address != CPU address: ").append(warning).append('\n');
        return TerminalText.visible(out.toString());
    }
}
