package org.kforge.kunit;

/** Where a KUnit run's time went, as kunit.py reports it: configuring, building, running (the boot), in seconds. */
public record Elapsed(double configuring, double building, double running) {
    public double total() {
        return configuring + building + running;
    }

    /** kunit.py's line: "Elapsed time: 61.202s total, 3.100s configuring, 40.001s building, 18.101s running". */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Elapsed time: %.3fs total, %.3fs configuring, %.3fs building, %.3fs running",
                total(), configuring, building, running);
    }
}
