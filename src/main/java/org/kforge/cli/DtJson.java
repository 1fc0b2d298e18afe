package org.kforge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kforge.TerminalText;
import org.kforge.dt.Cells;
import org.kforge.dt.DmaRange;
import org.kforge.dt.DmaView;
import org.kforge.dt.RangeEntry;
import org.kforge.dt.Translation;

/** The --json shape of dt translate and dt dma: addresses as hex strings, cells as lists of hex strings. */
final class DtJson {
    private static final ObjectMapper JSON = org.kforge.Json.json();

    private DtJson() {
    }

    static void print(java.io.PrintWriter out, Map<String, Object> value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> translation(Translation t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", t.node().path());
        m.put("address", cells(t.address()));
        List<Object> hops = new ArrayList<>();
        for (Translation.Hop h : t.hops()) {
            Map<String, Object> hop = new LinkedHashMap<>();
            hop.put("bus", h.bus().path());
            hop.put("bus_type", h.type().name().toLowerCase(java.util.Locale.ROOT));
            hop.put("entry", h.entry() == null ? null : entry(h.entry()));
            hop.put("before", cells(h.before()));
            hop.put("after", cells(h.after()));
            hops.add(hop);
        }
        m.put("hops", hops);
        m.put("cpu_address", t.translated() ? Cells.hex(t.cpuAddress()) : null);
        m.put("error", t.failure());
        return m;
    }

    static Map<String, Object> dma(DmaView v, String warning) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", v.device().path());
        List<Object> chain = new ArrayList<>();
        for (DmaView.Level l : v.chain()) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("node", l.node().path());
            level.put("dma_ranges", l.entries() == null ? null : l.entries().stream().map(DtJson::entry).toList());
            chain.add(level);
        }
        m.put("chain", chain);
        m.put("defined_by", v.definedBy() == null ? null : v.definedBy().path());
        m.put("identity", v.identity());
        List<Object> windows = new ArrayList<>();
        for (DmaRange w : v.windows()) {
            Map<String, Object> win = new LinkedHashMap<>();
            win.put("bus_start", Cells.hex(w.busStart()));
            win.put("cpu_start", Cells.hex(w.cpuStart()));
            win.put("size", Cells.hex(w.size()));
            win.put("offset", Cells.signedHex(w.offset()));
            windows.add(win);
        }
        m.put("windows", windows);
        m.put("highest_cpu_address", v.highestCpuAddress().map(Cells::hex).orElse(null));
        m.put("dma_coherent", v.coherent());
        m.put("bus_differs_from_cpu", v.busDiffersFromCpu());
        m.put("warning", warning);
        m.put("notes", v.notes());
        return m;
    }

    private static Map<String, Object> entry(RangeEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("child", cells(e.child()));
        m.put("parent", cells(e.parent()));
        m.put("size", Cells.hex(e.size()));
        return m;
    }

    private static List<String> cells(int[] c) {
        List<String> out = new ArrayList<>();
        for (int x : c) out.add("0x" + Integer.toHexString(x));
        return out;
    }
}
