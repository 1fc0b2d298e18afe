package org.kforge.boot;

import java.util.List;
import org.kforge.console.Event;
import org.kforge.console.Verdict;

/**
 * What a finished boot leaves: its plan, its events, its verdict, the layer that failed (kernel,
 * dom0 kernel, or the hypervisor; null when it booted) and the exit code it earns.
 */
public record BootResult(BootPlan plan, List<Event> events, Verdict verdict, String layer, Integer commandStatus,
                         java.time.Instant startedAt, double seconds, int exitCode) {
}
