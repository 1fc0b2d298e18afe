package org.kforge.pci;

import java.util.ArrayList;
import java.util.List;
import org.kforge.pci.Finding.Level;

/**
 * Whether a device can be handed to a guest with vfio-pci, with every reason in order:
 * IOMMU, the device's group, the vfio modules, the group's other members, the device's driver, ACS.
 * Documentation/driver-api/vfio.rst.
 */
public final class VfioCheck {
    static final List<String> MODULES = List.of("vfio", "vfio_pci", "vfio_iommu_type1");
    static final String NO_IOMMU_MODE = "no-IOMMU mode (vfio.enable_unsafe_noiommu_mode=1, needs CONFIG_VFIO_NOIOMMU) exists, "
            + "but QEMU cannot pass a device through with it: without an IOMMU the device can DMA anywhere in host memory, "
            + "so nothing confines it to the guest's memory; it serves only trusted userspace drivers";
    /** Drivers that may stay bound in a group vfio uses (drivers/vfio/group.c, vfio_dev_driver_allowed: pcieport for bridges). */
    private static final List<String> HARMLESS = List.of("vfio-pci", "pcieport", "pci-stub");

    private VfioCheck() {
    }

    public record Verdict(Bdf bdf, boolean ready, List<Finding> findings) {
    }

    public static Verdict run(SysfsSnapshot sys, Bdf bdf) {
        PciDevice d = sys.device(bdf);
        List<Finding> f = new ArrayList<>();
        List<String> units = IommuGroup.units(sys);
        List<IommuGroup> groups = IommuGroup.all(sys);
        if (units.isEmpty() && groups.isEmpty()) {
            f.add(new Finding(Level.FAIL, "IOMMU", "the platform has no IOMMU (no /sys/class/iommu entry, no IOMMU group), "
                    + "so vfio-pci has nothing to isolate " + bdf + " with"));
            f.add(new Finding(Level.NOTE, "no-IOMMU mode", NO_IOMMU_MODE + noIommuParam(sys)));
        } else {
            f.add(new Finding(Level.OK, "IOMMU", units.isEmpty() ? groups.size() + " IOMMU group(s)" : "present: " + String.join(", ", units)));
            String cmdline = sys.text("/proc/cmdline").orElse("");
            if (cmdline.contains("iommu.passthrough=1") || cmdline.contains("iommu=pt")) {
                f.add(new Finding(Level.NOTE, "IOMMU", "host DMA is identity-mapped (" + (cmdline.contains("iommu=pt") ? "iommu=pt"
                        : "iommu.passthrough=1") + "); vfio still gives the group its own domain"));
            }
            if (d.iommuGroup() == null) {
                f.add(new Finding(Level.FAIL, "group", "the IOMMU is there but " + bdf + " has no IOMMU group yet: on this kernel a device "
                        + "joins its group when a driver probes it; load its driver (or bind vfio-pci) and check again"));
            } else {
                f.add(new Finding(Level.OK, "group", "IOMMU group " + d.iommuGroup()));
            }
        }
        KernelModules mods = new KernelModules(sys);
        for (String m : MODULES) {
            f.add(new Finding(mods.available(m) ? Level.OK : Level.FAIL, m, mods.status(m)));
        }
        groupMembers(sys, d, groups, f);
        if (d.driver() == null) {
            f.add(new Finding(Level.OK, "driver", "no driver bound"));
        } else if (d.driver().equals("vfio-pci")) {
            f.add(new Finding(Level.OK, "driver", "already bound to vfio-pci"));
        } else {
            f.add(new Finding(Level.NOTE, "driver", "bound to " + d.driver() + "; binding vfio-pci unbinds it, and the host loses the device"));
        }
        f.add(Acs.finding(sys, d));
        boolean ready = f.stream().noneMatch(x -> x.level() == Level.FAIL);
        return new Verdict(bdf, ready, f);
    }

    private static void groupMembers(SysfsSnapshot sys, PciDevice d, List<IommuGroup> groups, List<Finding> f) {
        if (d.iommuGroup() == null) return;
        for (IommuGroup g : groups) {
            if (g.number() != d.iommuGroup()) continue;
            List<String> others = new ArrayList<>();
            boolean busy = false;
            for (Bdf b : g.devices()) {
                if (b.equals(d.bdf())) continue;
                String drv = sys.linkName("/sys/bus/pci/devices/" + b + "/driver").orElse(null);
                others.add(b + " (" + (drv == null ? "no driver" : drv) + ")");
                busy |= drv != null && !HARMLESS.contains(drv);
            }
            if (others.isEmpty()) {
                f.add(new Finding(Level.OK, "group members", "alone in group " + g.number()));
            } else {
                f.add(new Finding(busy ? Level.WARN : Level.OK, "group members", "group " + g.number() + " also holds " + String.join(", ", others)
                        + (busy ? "; all of them go to the guest together: unbind them from their host drivers too" : "")));
            }
        }
    }

    private static String noIommuParam(SysfsSnapshot sys) {
        return sys.text("/sys/module/vfio/parameters/enable_unsafe_noiommu_mode")
                .map(v -> " (on this target: enable_unsafe_noiommu_mode=" + v + ")").orElse("");
    }
}
