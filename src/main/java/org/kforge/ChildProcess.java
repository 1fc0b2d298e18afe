package org.kforge;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The one way kforge stops a process it started: SIGTERM, a grace period to shut down cleanly, then SIGKILL. */
public final class ChildProcess {
    private ChildProcess() {
    }

    /**
     * SIGTERM, then SIGKILL after {@code grace}; returns with the process ended, or, when the waiting thread is
     * interrupted, at once after SIGKILL (the interrupt kept).
     */
    public static void stop(Process p, Duration grace) {
        if (!p.isAlive()) return;
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
