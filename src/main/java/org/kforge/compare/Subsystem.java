package org.kforge.compare;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kforge.console.ConsoleSource;
import org.kforge.console.RuleBook;

/**
 * The subsystem a kernel line comes from, by its printk prefix: "pci 0000:00:01.0: ..." is pci,
 * "mmc0: ..." is mmc0, "virtio_blk virtio1: ..." is virtio_blk (dev_printk prints "driver device: ";
 * pr_fmt usually "subsystem: "). Under a hypervisor its own lines (by the prefix console/rules.yaml gives its source) are one group, and
 * dom0's Xen drivers keep their pr_fmt names ("xen:grant_table", "xen:events", "xen:balloon"), so
 * the lines only a dom0 prints stand apart from Xen's chatter. A pr_fmt of a few words ("software
 * IO TLB: " from kernel/dma/swiotlb.c) counts as one name.
 */
public final class Subsystem {
    private static final Pattern XEN_DRIVER = Pattern.compile("^(xen:[a-z_]+):");
    private static final Pattern WORDS = Pattern.compile("^([a-z][A-Za-z]*(?: [A-Za-z]+){1,2}): ");
    private static final Pattern PREFIX = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.-]*)(?: \\S{1,40}?)?: ");

    private Subsystem() {
    }

    /** The group of a source's own lines: "(XEN) hypervisor". */
    public static String hypervisor(ConsoleSource source) {
        return source.prefix() + " " + source.layer().label();
    }

    public static String of(String message) {
        ConsoleSource source = RuleBook.builtIn().sourceOf(message);
        if (source != null) return hypervisor(source);
        Matcher x = XEN_DRIVER.matcher(message);
        if (x.find()) return x.group(1);
        Matcher w = WORDS.matcher(message);
        if (w.find()) return w.group(1);
        Matcher m = PREFIX.matcher(message);
        if (!m.find()) return "other";
        String s = m.group(1);
        return s.equals("Xen") ? "xen" : s;
    }
}
