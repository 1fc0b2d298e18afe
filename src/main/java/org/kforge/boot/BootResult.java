package org.kforge.boot;

import java.util.List;
import org.kforge.console.Event;
import org.kforge.console.Verdict;

/** What a finished boot leaves: its plan, its events, its verdict and the exit code it earns. */
public record BootResult(BootPlan plan, List<Event> events, Verdict verdict, Integer commandStatus,
                         java.time.Instant startedAt, double seconds, int exitCode) {
}
