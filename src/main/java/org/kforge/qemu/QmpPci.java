package org.kforge.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** QMP's query-pci reply as lines like {@code lspci -nn}: "00:01.0 USB controller [0c03]: [1033:0194]". */
public final class QmpPci {
    private QmpPci() {
    }

    public static List<String> lines(JsonNode queryPci) {
        List<String> out = new ArrayList<>();
        for (JsonNode bus : queryPci) {
            devices(bus.path("devices"), bus.path("bus").asInt(), out);
        }
        return out;
    }

    private static void devices(JsonNode devices, int bus, List<String> out) {
        for (JsonNode d : devices) {
            JsonNode cls = d.path("class_info");
            String desc = cls.path("desc").asText("");
            String qdev = d.path("qdev_id").asText("");
            out.add(String.format("%02x:%02x.%d %s [%04x]: [%04x:%04x]%s", d.path("bus").asInt(bus), d.path("slot").asInt(),
                    d.path("function").asInt(), desc.isEmpty() ? "Device" : desc, cls.path("class").asInt(),
                    d.path("id").path("vendor").asInt(), d.path("id").path("device").asInt(),
                    qdev.isEmpty() ? "" : " (" + qdev + ")"));
            JsonNode bridge = d.path("pci_bridge");
            if (!bridge.isMissingNode()) devices(bridge.path("devices"), bridge.path("bus").path("secondary").asInt(), out);
        }
    }
}
