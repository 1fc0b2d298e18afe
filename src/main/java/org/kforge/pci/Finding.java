package org.kforge.pci;

/** One reason in a vfio verdict: fail blocks passthrough, warn needs attention, ok and note inform. */
public record Finding(Level level, String topic, String text) {
    public enum Level { OK, NOTE, WARN, FAIL }

    public String line() {
        return String.format("  %-4s  %s: %s", level.name().toLowerCase(), topic, text);
    }
}
