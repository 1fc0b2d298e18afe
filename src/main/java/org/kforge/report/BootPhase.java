package org.kforge.report;

import java.util.Map;

/**
 * The phase of a boot a milestone belongs to, for the report's timeline: firmware, bootloader, Xen, kernel
 * start, init, ready/login, a command's end (the milestones of console/rules.yaml); tests come from KTAP.
 */
enum BootPhase {
    FIRMWARE("firmware"), BOOTLOADER("bootloader"), XEN("Xen"), KERNEL("kernel start"), INIT("init"), READY("ready/login"),
    COMMAND("command"), TESTS("tests"), FAILURE("failure"), OTHER("other");

    private static final Map<String, BootPhase> BY_MILESTONE = Map.ofEntries(
            Map.entry("firmware-banner", FIRMWARE), Map.entry("starting-kernel", BOOTLOADER),
            Map.entry("xen-version", XEN), Map.entry("xen-dom0-kernel", XEN), Map.entry("xen-dom0-start", XEN), Map.entry("xen-dom0-halted", XEN),
            Map.entry("kernel-banner", KERNEL), Map.entry("run-init", INIT),
            Map.entry("ready", READY), Map.entry("login-prompt", READY), Map.entry("ssh-ready", READY), Map.entry("board-ssh-ready", READY),
            Map.entry("shell-prompt", READY), Map.entry("systemd-target", READY), Map.entry("command-exit", COMMAND));

    private final String label;

    BootPhase(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The CSS class and data-phase value: "kernel", "ready"... */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static BootPhase of(Mark m) {
        if (m.failure()) return FAILURE;
        return BY_MILESTONE.getOrDefault(m.id(), OTHER);
    }
}
