package org.kforge.pci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kforge.TerminalText;

/** {@code pci list -t}: devices under their host bridge and PCI-to-PCI bridges, from the sysfs paths. */
public final class BridgeTree {
    private BridgeTree() {
    }

    public static String render(List<PciDevice> devices, PciIds ids) {
        Map<String, List<PciDevice>> children = new LinkedHashMap<>();
        for (PciDevice d : devices) {
            String[] parts = d.sysfsPath().split("/");
            String parent = parts.length > 1 ? parts[parts.length - 2] : "?";
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(d);
        }
        StringBuilder s = new StringBuilder();
        for (String top : children.keySet()) {
            if (Bdf.looksLike(top)) continue;
            s.append(top).append('\n');
            walk(top, "", children, ids, s);
        }
        return TerminalText.visible(s.toString());
    }

    private static void walk(String node, String indent, Map<String, List<PciDevice>> children, PciIds ids, StringBuilder s) {
        List<PciDevice> kids = children.getOrDefault(node, List.of());
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            s.append(indent).append(last ? "`-" : "+-").append(DeviceTitle.of(kids.get(i), ids)).append('\n');
            walk(kids.get(i).bdf().toString(), indent + (last ? "  " : "| "), children, ids, s);
        }
    }
}
