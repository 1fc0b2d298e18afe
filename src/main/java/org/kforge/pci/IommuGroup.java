package org.kforge.pci;

import java.util.ArrayList;
import java.util.List;

/** One IOMMU group: the devices the IOMMU cannot tell apart, which vfio hands out together. */
public record IommuGroup(int number, String type, List<Bdf> devices) {
    public static final String GROUPS = "/sys/kernel/iommu_groups";
    private static final java.util.regex.Pattern GROUP_NUMBER = java.util.regex.Pattern.compile("[0-9]{1,9}");

    /** IOMMU groups live in sysfs, not in config space: a dump cannot answer, and must not seem to say "none". */
    static void requireSysfs(SysfsSnapshot s) {
        if (s.isDump()) {
            throw org.kforge.KforgeException.badInput(s.source() + " holds config space only: IOMMU units and groups are not in an lspci dump",
                    "give --sysfs DIR (kforge pci snapshot) or --ssh HOST");
        }
    }

    /** A device's iommu_group link's last element as a number; null for no link; one line when it is no number. */
    static Integer number(String linkName, String where) {
        if (linkName == null) return null;
        if (!GROUP_NUMBER.matcher(linkName).matches()) {
            throw org.kforge.KforgeException.badInput(where + " links to '" + linkName + "', not to an IOMMU group number",
                    "take the snapshot again with kforge pci snapshot");
        }
        return Integer.valueOf(linkName);
    }

    public static List<IommuGroup> all(SysfsSnapshot s) {
        requireSysfs(s);
        List<IommuGroup> out = new ArrayList<>();
        for (String g : s.names(GROUPS)) {
            if (!GROUP_NUMBER.matcher(g).matches()) continue;
            List<Bdf> members = s.names(GROUPS + "/" + g + "/devices").stream().filter(Bdf::looksLike).map(Bdf::parse).toList();
            out.add(new IommuGroup(Integer.parseInt(g), s.text(GROUPS + "/" + g + "/type").orElse("?"), members));
        }
        out.sort((a, b) -> Integer.compare(a.number, b.number));
        return out;
    }

    /** The IOMMU units the kernel registered (/sys/class/iommu): none means the platform has none, or none probed. */
    public static List<String> units(SysfsSnapshot s) {
        requireSysfs(s);
        return s.names("/sys/class/iommu");
    }
}
