package org.kforge.pci;

import java.util.ArrayList;
import java.util.List;

/** One IOMMU group: the devices the IOMMU cannot tell apart, which vfio hands out together. */
public record IommuGroup(int number, String type, List<Bdf> devices) {
    public static final String GROUPS = "/sys/kernel/iommu_groups";

    public static List<IommuGroup> all(SysfsSnapshot s) {
        List<IommuGroup> out = new ArrayList<>();
        for (String g : s.names(GROUPS)) {
            if (!g.chars().allMatch(Character::isDigit)) continue;
            List<Bdf> members = s.names(GROUPS + "/" + g + "/devices").stream().filter(Bdf::looksLike).map(Bdf::parse).toList();
            out.add(new IommuGroup(Integer.parseInt(g), s.text(GROUPS + "/" + g + "/type").orElse("?"), members));
        }
        out.sort((a, b) -> Integer.compare(a.number, b.number));
        return out;
    }

    /** The IOMMU units the kernel registered (/sys/class/iommu): none means the platform has none, or none probed. */
    public static List<String> units(SysfsSnapshot s) {
        return s.names("/sys/class/iommu");
    }
}
