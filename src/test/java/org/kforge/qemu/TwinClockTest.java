package org.kforge.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The twin's clock leaves out the time its process waited for a core: real processes, one shared core. */
class TwinClockTest {
    private static Process spin() throws Exception {
        return new ProcessBuilder("taskset", "-c", "0", "sh", "-c", "while :; do :; done").start();
    }

    @Test
    void aProcessSharingItsCoreWithThreeOthersGetsAboutAQuarterOfTheWallClock() throws Exception {
        List<Process> others = new ArrayList<>();
        Process measured = spin();
        try {
            for (int i = 0; i < 3; i++) others.add(spin());
            long start = System.nanoTime();
            TwinClock clock = TwinClock.of(measured.pid(), start);
            Thread.sleep(2000);
            double twin = clock.seconds();
            double wall = (System.nanoTime() - start) / 1e9;
            assertThat(twin).as("twin %.2f s of wall %.2f s", twin, wall).isLessThan(0.6 * wall).isGreaterThanOrEqualTo(0);
        } finally {
            measured.destroyForcibly();
            others.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void anIdleProcessKeepsWallTime() throws Exception {
        Process idle = new ProcessBuilder("sleep", "30").start();
        try {
            long start = System.nanoTime();
            TwinClock clock = TwinClock.of(idle.pid(), start);
            Thread.sleep(500);
            assertThat(clock.seconds()).isGreaterThan(0.45);
        } finally {
            idle.destroyForcibly();
        }
    }

    @Test
    void aProcessThatIsGoneIsTheWallClock() {
        TwinClock clock = TwinClock.of(Long.MAX_VALUE, System.nanoTime() - 1_000_000_000L);
        assertThat(clock.seconds()).isGreaterThanOrEqualTo(1.0);
    }
}
