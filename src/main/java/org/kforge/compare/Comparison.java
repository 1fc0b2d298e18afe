package org.kforge.compare;

import java.util.List;
import java.util.Map;
import org.kforge.console.Diagnosis;

/**
 * Where two boots part ways: both diagnoses, the first divergence with the lines before it, the
 * lines only one boot printed (grouped by subsystem), the lines both printed in another order, and
 * when each milestone came in each boot (a milestone line without a printk time, such as an init's
 * own message, takes the time of the last kernel line before it).
 */
public record Comparison(String nameA, String nameB, Diagnosis a, Diagnosis b, int linesA, int linesB,
                         Divergence first, Map<String, List<Line>> onlyInA, Map<String, List<Line>> onlyInB,
                         List<Moved> moved, List<MilestoneTime> milestones, boolean runClock, boolean truncated) {

    /** A line both boots printed, at different places (asynchronous probes and initcalls). */
    public record Moved(Line a, Line b) {
    }

    /** A console line by its number in its log. */
    public record Line(int number, String text) {
    }

    /** The first place the logs differ: the common lines before it, then each side's lines. */
    public record Divergence(List<Line> context, List<Line> a, List<Line> b) {
    }

    /** A milestone's printk time in each boot (-1 when a boot never reached it or had no time). */
    public record MilestoneTime(String id, String title, double secondsA, double secondsB) {
        public Double difference() {
            return secondsA < 0 || secondsB < 0 ? null : secondsB - secondsA;
        }
    }

    public boolean identical() {
        return first == null;
    }
}
