package org.kforge.boot;

import java.time.Duration;

/**
 * How long a boot may take ({@code boot}), stay silent before its first line ({@code silence}) and after
 * it ({@code hang}); null is off. The defaults are off under a debugger: a CPU at a breakpoint is not a hang.
 */
public record BootTimeouts(Duration boot, Duration silence, Duration hang) {
    static final int BOOT_SECONDS = 120;
    static final int SILENCE_SECONDS = 10;
    static final int HANG_SECONDS = 30;

    static BootTimeouts of(BootJob job) {
        boolean debugger = job.gdb() != null;
        return new BootTimeouts(limit(job.timeout(), BOOT_SECONDS, debugger), limit(job.silenceTimeout(), SILENCE_SECONDS, debugger),
                limit(job.hangTimeout(), HANG_SECONDS, debugger));
    }

    private static Duration limit(Integer given, int seconds, boolean debugger) {
        if (given != null) return Duration.ofSeconds(given);
        return debugger ? null : Duration.ofSeconds(seconds);
    }
}
