package org.kforge.pci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The sysfs writes that move a device to vfio-pci (Documentation/ABI/testing/sysfs-bus-pci,
 * driver_override): set the override, unbind the current driver, bind vfio-pci.
 */
public record VfioBindPlan(Bdf bdf, List<Step> steps) {
    public record Step(String path, String value, String why) {
        public String shell() {
            return "echo " + value + " > " + path;
        }
    }

    public static VfioBindPlan of(PciDevice d) {
        String dev = "/sys/bus/pci/devices/" + d.bdf();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(dev + "/driver_override", "vfio-pci", "only vfio-pci may claim the device from now on"));
        if (d.driver() != null && !d.driver().equals("vfio-pci")) {
            steps.add(new Step(dev + "/driver/unbind", d.bdf().toString(), "release it from " + d.driver()));
        }
        if (!"vfio-pci".equals(d.driver())) {
            steps.add(new Step("/sys/bus/pci/drivers/vfio-pci/bind", d.bdf().toString(), "hand it to vfio-pci"));
        }
        return new VfioBindPlan(d.bdf(), steps);
    }

    /** Performs the writes on the live system, stopping at the first that fails. */
    public void perform(SysfsSnapshot live) throws IOException {
        for (Step s : steps) {
            Files.write(live.path(s.path()), (s.value() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }
}
