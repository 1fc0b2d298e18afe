package org.kforge.jtag;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kforge.KforgeException;
import org.kforge.qemu.QemuPlan;

/**
 * A running openocd, its output kept in a log file, stopped with kforge: on {@link #stop}, and by a
 * shutdown hook on Ctrl-C or SIGTERM, so no openocd outlives the kforge that started it.
 */
public final class OpenOcdProcess implements AutoCloseable {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private final Process process;
    private final Path log;
    private final Thread onExit;

    private OpenOcdProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.onExit = new Thread(this::kill, "kforge-stop-openocd");
    }

    /** Starts openocd; a host without it exits 3 with the package that fixes it. */
    public static OpenOcdProcess start(QemuPlan plan, Path log) {
        Process p;
        try {
            p = new ProcessBuilder(withParentDeathSignal(plan.argv())).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw KforgeException.hostMissing(plan.binary() + " is not installed", "apt-get install " + OpenOcdPlanner.PACKAGE);
        }
        OpenOcdProcess o = new OpenOcdProcess(p, log);
        Runtime.getRuntime().addShutdownHook(o.onExit);
        return o;
    }

    /**
     * Even a kforge killed with SIGKILL (no shutdown hook runs) takes openocd along: util-linux's setpriv
     * (Essential in Debian) sets the parent-death signal (prctl PR_SET_PDEATHSIG) and execs openocd as is.
     */
    static List<String> withParentDeathSignal(List<String> argv) {
        if (!Files.isExecutable(SETPRIV)) return argv;
        List<String> wrapped = new ArrayList<>(List.of(SETPRIV.toString(), "--pdeathsig", "TERM", "--"));
        wrapped.addAll(argv);
        return wrapped;
    }

    /**
     * Connects to the TCL port once openocd listens there (it opens it before it scans the chain);
     * null if openocd exited first or did not listen within {@code timeout}.
     */
    public OpenOcdTcl awaitTcl(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                return OpenOcdTcl.connect("127.0.0.1", port, Duration.ofSeconds(2));
            } catch (ConnectException e) {
                Thread.sleep(50);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** What openocd printed so far (its Info/Warn/Error lines). */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for openocd to end by itself (it exits when its adapter fails), at most {@code millis}. */
    public boolean awaitExit(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** SIGTERM (openocd shuts its servers down), then SIGKILL; never returns with openocd running. */
    public void stop() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is stopping it already
        }
    }

    private void kill() {
        org.kforge.ChildProcess.stop(process, java.time.Duration.ofSeconds(3));
    }

    @Override
    public void close() {
        stop();
    }
}
