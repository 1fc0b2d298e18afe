package org.kforge.compare;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subsystem a kernel line comes from, by its printk prefix: "(XEN) ..." and "xen: ..." are
 * xen, "pci 0000:00:01.0: ..." is pci, "mmc0: ..." is mmc0, "virtio_blk virtio1: ..." is virtio_blk
 * (dev_printk prints "driver device: "; pr_fmt usually "subsystem: ").
 */
public final class Subsystem {
    private static final Pattern PREFIX = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.-]*)(?: \\S{1,40}?)?: ");

    private Subsystem() {
    }

    public static String of(String message) {
        if (message.startsWith("(XEN)")) return "xen";
        Matcher m = PREFIX.matcher(message);
        if (!m.find()) return "other";
        String s = m.group(1);
        return s.equals("Xen") ? "xen" : s;
    }
}
