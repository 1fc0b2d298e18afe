package org.kforge.boot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.console.BootJudge;
import org.kforge.console.ConsoleText;
import org.kforge.console.ConsoleWatcher;
import org.kforge.console.Diagnosis;
import org.kforge.console.Event;
import org.kforge.console.RuleBook;
import org.kforge.console.Verdict;
import org.kforge.image.InitramfsWriter;
import org.kforge.qemu.KernelCommandLine;
import org.kforge.qemu.QemuSession;
import org.kforge.qemu.QemuStartFailure;

/**
 * Runs a {@link BootPlan}: writes the initramfs, starts QEMU, feeds its console to the watcher and
 * watches the clock. Every boot ends with a verdict, on time, and with QEMU stopped.
 */
public final class TwinBoot {
    private static final long POLL_MILLIS = 10;
    /** After a terminal line, read on this long without output (or until the panic's end marker). */
    private static final double TRACE_QUIET_SECONDS = 1.0;
    private static final double TRACE_MAX_SECONDS = 5.0;
    /** A clean poweroff of a systemd guest under TCG; after it, QMP quit. */
    private static final long POWEROFF_MILLIS = 30_000;

    private final Consumer<String> echo;
    private GuestSsh ssh;
    private BootJob job;

    public TwinBoot(Consumer<String> echo) {
        this.echo = echo;
    }

    /** With a forwarded ssh port: wait for ssh-ready, run its command (if any), power the guest off. */
    public TwinBoot withSsh(GuestSsh guest) {
        this.ssh = guest;
        return this;
    }

    /** The job the run directory keeps as job.json: written once QEMU runs, the JSON writer being slow to start. */
    public TwinBoot withJob(BootJob request) {
        this.job = request;
        return this;
    }

    public BootResult run(BootPlan plan) throws InterruptedException {
        return run(plan, null);
    }

    /** Runs the plan; {@code symbols} (or null) is recorded in session.json for kforge debug. */
    public BootResult run(BootPlan plan, java.nio.file.Path symbols) throws InterruptedException {
        BootPlanner.prepareRunDir(plan.runDir());
        writeInitramfs(plan);
        // QEMU starts first: its first line comes long after the rules are loaded, and the reader
        // thread waits for the watcher if it ever does not
        java.util.concurrent.CompletableFuture<BootJudge> ready = new java.util.concurrent.CompletableFuture<>();
        QemuSession session = QemuSession.start(plan.qemu(), plan.profile().qemu().packageName(),
                plan.runDir().resolve("console.log"), (line, t) -> {
                    ready.join().line(line, t);
                    echo.accept(ConsoleText.printable(line));
                });
        BootJudge judge;
        try {
            judge = BootJudge.live(RuleBook.builtIn(), facts(plan), new BootJudge.Clock(seconds(plan.timeouts().silence()),
                    seconds(plan.timeouts().hang()), seconds(plan.timeouts().boot())));
        } catch (RuntimeException e) {
            session.stop();
            throw e;
        }
        ready.complete(judge);
        try {
            writeJob(plan);
            writeSession(plan, symbols, ssh);
        } catch (RuntimeException e) {
            session.stop();
            throw e;
        }
        if (ssh != null && plan.sshPort() != null) ssh.start(plan.sshPort(), session, judge.watcher());
        Thread onCtrlC = new Thread(session::stop, "kforge-stop-qemu");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            watch(session, judge);
        } finally {
            if (ssh != null) ssh.close();
            session.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
        double seconds = session.secondsSinceStart();
        if (!session.anyOutput() && session.exitValue() != 0 && judge.terminal() == null) {
            throw QemuStartFailure.explain(session.stderr());
        }
        Diagnosis d = judge.end(plan.runDir().resolve("console.log").toString(), 0, seconds, true);
        Verdict verdict = d.verdict();
        Integer status = d.events().stream().filter(e -> e.id().equals("command-exit"))
                .map(e -> Integer.valueOf(e.facts().get("match1"))).findFirst().orElse(null);
        int exit = verdict.booted() ? (status == null ? 0 : status) : 1;
        return new BootResult(plan, d.events(), verdict, status, session.startedAt(), seconds, exit);
    }

    private void watch(QemuSession s, BootJudge judge) throws InterruptedException {
        double lastSinceOutput = Double.MAX_VALUE;
        double twinAtOutput = 0;
        // a quiet console after a login prompt is a guest waiting for its user, not a hang
        while (true) {
            if (s.awaitExit(POLL_MILLIS)) return;
            s.flushPartial(300);
            Event terminal = judge.terminal();
            if (terminal != null) {
                readTrace(s, judge, terminal);
                return;
            }
            if (ssh != null && ssh.refused() != null) throw ssh.refused();
            if (ssh != null && ssh.ready()) {
                if (ssh.command() == null) continue; // up until the guest powers off or Ctrl-C
                runOverSsh(s, judge.watcher());
                return;
            }
            boolean waitingForUser = ssh != null && judge.watcher().seen("login-prompt");
            // silence and hang count the twin's own time: a host busy with other work slows TCG, it does not hang it
            double twin = s.twinSecondsSinceStart();
            double sinceOutput = s.secondsSinceOutput();
            if (sinceOutput < lastSinceOutput) twinAtOutput = twin - sinceOutput;
            lastSinceOutput = sinceOutput;
            double quiet = s.anyOutput() && !waitingForUser ? Math.min(sinceOutput, twin - twinAtOutput) : -1;
            if (judge.tick(s.secondsSinceStart(), twin, quiet) != null) return;
        }
    }

    /** The command's status as a command-exit milestone; then poweroff, and QMP quit if it does not go. */
    private void runOverSsh(QemuSession s, ConsoleWatcher w) throws InterruptedException {
        int status;
        try {
            status = ssh.run();
        } catch (java.io.IOException e) {
            throw new KforgeException(1, "the command over ssh failed: " + e.getMessage(), null);
        }
        w.milestone("command-exit", s.secondsSinceStart(), Map.of("match1", Integer.toString(status)));
        ssh.powerOff();
        s.awaitExit(POWEROFF_MILLIS);
    }

    /**
     * Keeps reading after a terminal failure until the trace is in the log: its end marker, or quiet. A terminal
     * milestone (the guest is ready) has no trace to wait for: the boot is over on that line.
     */
    private static void readTrace(QemuSession s, BootJudge judge, Event terminal) throws InterruptedException {
        if (terminal.kind() == org.kforge.console.Rule.Kind.MILESTONE) return;
        double since = s.secondsSinceStart();
        while (s.secondsSinceStart() - since < TRACE_MAX_SECONDS) {
            if (s.awaitExit(POLL_MILLIS)) return;
            if (judge.lastMessage().startsWith("---[ end ") || s.secondsSinceOutput() >= TRACE_QUIET_SECONDS) return;
        }
    }

    private static Map<String, String> facts(BootPlan plan) {
        Map<String, String> f = new HashMap<>();
        f.put("console", plan.profile().console().device());
        f.put("uart", plan.profile().console().uart());
        f.put("earlycon", plan.profile().console().earlycon());
        f.put("rootDevice", plan.profile().root().device());
        f.put("profile", plan.profile().name());
        String c = KernelCommandLine.value(plan.cmdline(), "console");
        if (c != null) f.put("cmdlineConsole", c);
        String r = KernelCommandLine.value(plan.cmdline(), "root");
        if (r != null) f.put("rootArg", r);
        return f;
    }

    private void writeJob(BootPlan plan) {
        if (job == null) return;
        try {
            job.writeInto(plan.runDir());
        } catch (IOException e) {
            throw KforgeException.badInput("cannot write " + plan.runDir().resolve(BootJob.FILE) + ": " + e.getMessage(), null);
        }
    }

    private static void writeSession(BootPlan plan, java.nio.file.Path symbols, GuestSsh ssh) {
        try {
            new RunSession(plan.runDir().toAbsolutePath().toString(), ProcessHandle.current().pid(),
                    plan.qmpSocket().toString(), plan.gdbPort(), plan.profile().name(), plan.kernel().toString(), null,
                    symbols == null ? null : symbols.toAbsolutePath().toString(), plan.sshPort(),
                    ssh == null ? null : ssh.known().file().toAbsolutePath().toString()).write();
        } catch (IOException e) {
            throw KforgeException.badInput("cannot write " + plan.runDir().resolve(RunSession.FILE) + ": " + e.getMessage(), null);
        }
    }

    /** Writes the initramfs the plan builds (none when the user gave one, or none) where the plan names it, plain: see InitramfsWriter. */
    public static void writeInitramfs(BootPlan plan) {
        if (plan.initramfs() == null) return;
        try (OutputStream out = Files.newOutputStream(plan.initrd())) {
            InitramfsWriter.write(plan.initramfs(), out, false);
        } catch (IOException e) {
            throw KforgeException.badInput("cannot write the initramfs " + plan.initrd() + ": " + e.getMessage(), null);
        }
    }

    private static double seconds(java.time.Duration d) {
        return d == null ? Double.POSITIVE_INFINITY : d.toMillis() / 1000.0;
    }

}
