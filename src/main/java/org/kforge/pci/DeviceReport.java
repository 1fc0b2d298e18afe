package org.kforge.pci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kforge.TerminalText;

/** {@code kforge pci show}: the decoded config space of one device, as text and as a JSON-ready map. */
public final class DeviceReport {
    public static final String NO_ANSWER = "the device does not answer (link down, powered off or in reset): its config space reads as all ones";
    public static final String UNPRIVILEGED = "only the first 64 bytes of config space were readable: the kernel gives the rest only to "
            + "readers with CAP_SYS_ADMIN (drivers/pci/pci-sysfs.c); run as root, or take the snapshot as root";

    public static final String DUMP_CANNOT_TELL = "from an lspci dump: config space only; BAR sizes, the kernel driver, the IOMMU group "
            + "and the bridges above are not in a dump (give --sysfs or --ssh for them)";

    private DeviceReport() {
    }

    public static Map<String, Object> model(PciDevice d, PciIds ids) {
        ConfigSpace c = d.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bdf", d.bdf().toString());
        m.put("title", DeviceTitle.of(d, ids));
        m.put("vendor_id", String.format("%04x", d.vendorId()));
        m.put("device_id", String.format("%04x", d.deviceId()));
        m.put("driver", d.driver());
        m.put("iommu_group", d.iommuGroup());
        if (d.configOnly()) m.put("unknown", List.of("bar_sizes", "driver", "iommu_group", "bridges"));
        else if (d.resources() == null) m.put("unknown", List.of("bar_sizes"));
        m.put("config_bytes_read", c.readable());
        if (c.allOnes()) {
            m.put("problem", NO_ANSWER);
            return m;
        }
        m.put("class", String.format("%06x", d.classCode()));
        m.put("header_type", c.headerType());
        m.put("control", ConfigHeader.command(c));
        m.put("status", ConfigHeader.status(c));
        List<Map<String, Object>> bars = new ArrayList<>();
        for (Bar b : Bar.decode(d)) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("index", b.index());
            bm.put("type", b.io() ? "io" : b.is64() ? "mem64" : "mem32");
            bm.put("prefetchable", b.prefetchable());
            bm.put("address", String.format("%x", b.address()));
            bm.put("size", b.size());
            bm.put("text", b.describe());
            bars.add(bm);
        }
        m.put("bars", bars);
        if (c.headerType() == 1) m.put("bridge", ConfigHeader.bridge(c));
        List<Map<String, Object>> caps = new ArrayList<>();
        for (Capability cap : Capability.list(c)) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("offset", String.format(cap.extended() ? "%03x" : "%02x", cap.offset()));
            cm.put("id", String.format(cap.extended() ? "%04x" : "%02x", cap.id()));
            cm.put("extended", cap.extended());
            cm.put("name", cap.name());
            cm.put("details", CapabilityDecoder.of(cap).decode(c, cap.offset()));
            caps.add(cm);
        }
        m.put("capabilities", caps);
        if (Capability.hiddenByPrivilege(c)) m.put("problem", UNPRIVILEGED);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static String text(PciDevice d, PciIds ids) {
        Map<String, Object> m = model(d, ids);
        StringBuilder s = new StringBuilder(d.bdf() + " " + DeviceTitle.of(d, ids).substring(d.bdf().shortName().length() + 1) + "\n");
        if (!d.config().allOnes()) {
            String prog = ids.progIf(d.classCode());
            s.append("  Header type ").append(ConfigHeader.headerName(d.config().headerType()));
            s.append(String.format(", prog-if %02x%s%n", d.classCode() & 0xff, prog.isEmpty() ? "" : " [" + prog + "]"));
            s.append("  Control: ").append(m.get("control")).append('\n');
            s.append("  Status: ").append(m.get("status")).append('\n');
            for (Map<String, Object> b : (List<Map<String, Object>>) m.get("bars")) s.append("  ").append(b.get("text")).append('\n');
            if (m.containsKey("bridge")) for (String l : (List<String>) m.get("bridge")) s.append("  ").append(l).append('\n');
            for (Map<String, Object> cap : (List<Map<String, Object>>) m.get("capabilities")) {
                boolean ext = (Boolean) cap.get("extended");
                String at = ext ? String.format("[%s v%d]", cap.get("offset"), versionOf(d, cap)) : "[" + cap.get("offset") + "]";
                List<String> details = (List<String>) cap.get("details");
                s.append("  Capabilities: ").append(at).append(' ').append(cap.get("name"));
                s.append(details.isEmpty() ? "" : ": " + details.get(0)).append('\n');
                for (String l : details.subList(Math.min(1, details.size()), details.size())) s.append("    ").append(l).append('\n');
            }
        }
        if (m.containsKey("problem")) s.append("  !! ").append(m.get("problem")).append('\n');
        if (d.configOnly()) {
            s.append("  ").append(DUMP_CANNOT_TELL).append('\n');
        } else {
            if (d.resources() == null) s.append("  BAR sizes: unknown (no resource file)\n");
            s.append("  Kernel driver in use: ").append(d.driver() == null ? "none" : d.driver()).append('\n');
            s.append("  IOMMU group: ").append(d.iommuGroup() == null ? "none" : d.iommuGroup()).append('\n');
        }
        return TerminalText.visible(s.toString());
    }

    private static int versionOf(PciDevice d, Map<String, Object> cap) {
        return (int) (d.config().u32(Integer.parseInt((String) cap.get("offset"), 16)) >>> 16) & 0xf;
    }
}
