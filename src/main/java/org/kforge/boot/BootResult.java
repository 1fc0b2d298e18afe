package org.kforge.boot;

import java.util.List;
import org.kforge.console.Event;
import org.kforge.console.Verdict;

/**
 * What a finished boot leaves: its plan, its events, its verdict (with the layer that failed) and
 * the exit code it earns.
 */
public record BootResult(BootPlan plan, List<Event> events, Verdict verdict, Integer commandStatus,
                         java.time.Instant startedAt, double seconds, int exitCode) {

    /** The exit code; with {@code strict}, a booted system whose devices failed exits 1. */
    public int exitCode(boolean strict) {
        return strict && exitCode == 0 && !verdict.failures().isEmpty() ? 1 : exitCode;
    }
}
