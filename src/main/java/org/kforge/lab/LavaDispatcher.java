package org.kforge.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.asset.HostCommand;

/**
 * Runs a job through Debian's lava-dispatcher on this host, as a LAVA worker would: the device dictionary of the
 * twin ({@code lab/qemu-twin.jinja2}, extending lava-server's qemu.jinja2) rendered with the job's context into
 * the device configuration, then {@code lava-run --job-id ID --output-dir DIR --device device.yaml JOB} (as root,
 * as lava-worker runs it). Its log goes to {@code lava.log} in the run directory, the console to {@code console.log}.
 */
public final class LavaDispatcher {
    static final String HINT = "apt-get install --no-install-recommends lava-dispatcher lava-server (scripts/host-packages, group lava)";
    /** Debian's python3, where Debian's LAVA modules live (not a python3 of another install first on PATH). */
    private static final String PYTHON = "/usr/bin/python3";
    private static final String LAVA_RUN = "lava-run";
    private static final List<Path> DEVICE_TYPES = List.of(Path.of("/etc/lava-server/dispatcher-config/device-types"),
            Path.of("/usr/share/lava-server/device-types"));
    private static final String DICT = "qemu-twin.jinja2";
    /** What the dispatcher may take beyond the job's own timeout before kforge stops it. */
    private static final int GRACE_SECONDS = 60;

    private final Consumer<String> progress;
    private final Consumer<String> console;

    public LavaDispatcher(Consumer<String> progress, Consumer<String> console) {
        this.progress = progress;
        this.console = console;
    }

    /** What a run left: LAVA's log as records, its result, and where the files are. */
    public record Run(LavaLog log, LavaResult result, Path runDir) {
    }

    /** Refuses what this host cannot run before anything starts: a board's job, no lava-run, no root. */
    public static void check(LavaJob job) {
        if (!"qemu".equals(job.deviceType())) {
            throw KforgeException.badInput("device type " + job.deviceType() + ": kforge lab run runs the twin's qemu jobs on this host; a "
                    + job.deviceType() + " job needs the board in a LAVA lab", "submit it to the lab's LAVA server");
        }
        if (DEVICE_TYPES.stream().noneMatch(d -> Files.isRegularFile(d.resolve("qemu.jinja2")))) {
            throw KforgeException.hostMissing("LAVA's device-type templates (qemu.jinja2, from lava-server) are not installed", HINT);
        }
        if (!Files.isRegularFile(Path.of(PYTHON))) throw KforgeException.hostMissing(PYTHON + " is missing (LAVA runs on Debian's python3)", HINT);
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!Integer.valueOf(0).equals(uid)) {
                throw KforgeException.hostMissing("lava-run runs as root only (as lava-worker runs it)", "run kforge lab run as root (sudo)");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc: lava-run says so itself
        }
    }

    public Run run(Path jobFile, LavaJob job, Path runDir) throws IOException, InterruptedException {
        check(job);
        Path device = renderDevice(jobFile, runDir);
        Path out = runDir.resolve("lava");
        String id = runDir.getFileName().toString();
        List<String> cmd = List.of(LAVA_RUN, "--job-id", id, "--output-dir", out.toString(), "--device", device.toString(),
                jobFile.toAbsolutePath().toString());
        progress.accept("lava-run --job-id " + id + " (LAVA's log: " + runDir.resolve("lava.log") + ")");
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(runDir.toFile()).redirectOutput(runDir.resolve("lava-run.out").toFile()).start();
        } catch (IOException e) {
            throw KforgeException.hostMissing("lava-run is not installed", HINT);
        }
        p.getOutputStream().close();
        Thread stop = new Thread(() -> stop(p), "kforge-stop-lava-run");
        Runtime.getRuntime().addShutdownHook(stop);
        LavaLog log = new LavaLog();
        Thread reader = new Thread(() -> read(p.getErrorStream(), runDir.resolve("lava.log"), log), "kforge-lava-log");
        reader.start();
        long limit = Math.max(job.jobSeconds(), 60) + GRACE_SECONDS;
        boolean done = p.waitFor(limit, TimeUnit.SECONDS);
        if (!done) {
            progress.accept("lava-run still running after the job's timeout and " + GRACE_SECONDS + " s: stopped");
            stop(p);
        }
        reader.join(10_000);
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs
        }
        return new Run(log, LavaResult.read(out), runDir);
    }

    /** The twin's device dictionary rendered with the job's context (lab/render-device.py, as lava-server renders it). */
    private Path renderDevice(Path jobFile, Path runDir) throws IOException {
        Path dicts = Files.createDirectories(runDir.resolve("devices"));
        copy("lab/" + DICT, dicts.resolve(DICT));
        Path script = runDir.resolve("render-device.py");
        copy("lab/render-device.py", script);
        String yaml = HostCommand.run(List.of(PYTHON, script.toString(), dicts.toString(), DICT, jobFile.toAbsolutePath().toString()), runDir,
                "rendering the twin's LAVA device dictionary", HINT);
        Path device = runDir.resolve("device.yaml");
        Files.writeString(device, yaml);
        progress.accept("device " + device + " (" + DICT + " on lava-server's qemu.jinja2, with the job's context)");
        return device;
    }

    private void read(InputStream err, Path logFile, LavaLog log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8));
             PrintWriter w = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                w.println(line);
                LavaLog.Record rec = log.accept(line);
                if (rec == null) continue;
                if (rec.level().equals("target")) console.accept(rec.text());
                else if (rec.isStep()) progress.accept("lava: " + rec.text());
            }
        } catch (IOException e) {
            progress.accept("LAVA's log could not be read to its end: " + e.getMessage());
        }
    }

    /** lava-run cleans up on SIGTERM (its QEMU too); what is left after 10 s is killed. */
    private static void stop(Process p) {
        if (!p.isAlive()) return;
        List<ProcessHandle> children = p.descendants().toList();
        org.kforge.ChildProcess.stop(p, java.time.Duration.ofSeconds(10));
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = LavaDispatcher.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("resource " + resource + " missing from the jar");
            Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
