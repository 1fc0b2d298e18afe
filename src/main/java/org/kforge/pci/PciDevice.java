package org.kforge.pci;

import java.util.List;

/**
 * One PCI function as sysfs shows it: its config space, the kernel's resource windows (null when
 * unknown: a config-space dump has none), its bound driver and IOMMU group (either may be absent; both are
 * unknown, {@link #configOnly}, for an lspci text dump), and the path of its sysfs directory, which
 * encodes the bridges above it.
 */
public record PciDevice(Bdf bdf, ConfigSpace config, List<Resource> resources, String driver, Integer iommuGroup,
                        String sysfsPath, boolean configOnly) {
    public PciDevice {
        resources = resources == null ? null : List.copyOf(resources);
    }

    public PciDevice(Bdf bdf, ConfigSpace config, List<Resource> resources, String driver, Integer iommuGroup, String sysfsPath) {
        this(bdf, config, resources, driver, iommuGroup, sysfsPath, false);
    }

    public int vendorId() {
        return config.vendorId();
    }

    public int deviceId() {
        return config.deviceId();
    }

    /** Base class, subclass and programming interface, 24 bits. */
    public int classCode() {
        return (int) (config.u32(0x08) >>> 8);
    }

    public int revision() {
        return config.u8(0x08);
    }

    public String ids() {
        return String.format("%04x:%04x", vendorId(), deviceId());
    }
}
