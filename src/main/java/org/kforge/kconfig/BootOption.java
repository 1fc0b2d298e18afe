package org.kforge.kconfig;

/** One option a profile needs to boot: the symbol, the module that may stand in for it (or null), and why. */
public record BootOption(String option, String module, String why) {
}
