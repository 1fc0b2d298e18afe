package org.kforge.pci;

import org.kforge.TerminalText;

/** One device on one line, as {@code lspci -nn} prints it. */
public final class DeviceTitle {
    private DeviceTitle() {
    }

    public static String of(PciDevice d, PciIds ids) {
        if (d.config().allOnes()) return d.bdf().shortName() + " " + DeviceReport.NO_ANSWER;
        int cls = d.classCode();
        String className = ids.className(cls);
        String vendor = ids.vendor(d.vendorId());
        String device = ids.device(d.vendorId(), d.deviceId());
        StringBuilder s = new StringBuilder(d.bdf().shortName()).append(' ');
        s.append(className.isEmpty() ? "Class" : className).append(String.format(" [%04x]: ", cls >>> 8));
        s.append(vendor.isEmpty() ? "Device" : vendor).append(' ');
        if (!vendor.isEmpty()) s.append(device.isEmpty() ? "Device " : device + " ");
        s.append(String.format("[%s]", d.ids()));
        if (d.revision() != 0) s.append(String.format(" (rev %02x)", d.revision()));
        return TerminalText.visible(s.toString());
    }
}
