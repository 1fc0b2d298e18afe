package org.kforge.boot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.console.ConsoleText;
import org.kforge.console.ConsoleWatcher;
import org.kforge.console.Event;
import org.kforge.console.RuleBook;
import org.kforge.console.Verdict;
import org.kforge.console.VerdictBuilder;
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

    /** Xen's own console lines; under Xen, only the other lines show the kernel is talking. */
    private static final String HYPERVISOR_PREFIX = "(XEN)";
    /** Rules whose failure is the hypervisor's own (the rest of the (XEN) rules are about a domain). */
    private static final java.util.Set<String> HYPERVISOR_RULES = java.util.Set.of("xen-panic", "xen-assert", "xen-trap");

    private final Consumer<String> echo;
    private volatile boolean kernelSpoke;
    private GuestSsh ssh;

    public TwinBoot(Consumer<String> echo) {
        this.echo = echo;
    }

    /** With a forwarded ssh port: wait for ssh-ready, run its command (if any), power the guest off. */
    public TwinBoot withSsh(GuestSsh guest) {
        this.ssh = guest;
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
        java.util.concurrent.CompletableFuture<ConsoleWatcher> ready = new java.util.concurrent.CompletableFuture<>();
        QemuSession session = QemuSession.start(plan.qemu(), plan.profile().qemu().packageName(),
                plan.runDir().resolve("console.log"), plan.qmpSocket(), (line, t) -> {
                    ready.join().accept(line, t);
                    if (!kernelSpoke && !line.isBlank() && !ConsoleText.message(line).startsWith(HYPERVISOR_PREFIX)) {
                        kernelSpoke = true;
                    }
                    echo.accept(ConsoleText.printable(line));
                });
        ConsoleWatcher watcher;
        try {
            watcher = new ConsoleWatcher(RuleBook.builtIn(), facts(plan));
        } catch (RuntimeException e) {
            session.stop();
            throw e;
        }
        ready.complete(watcher);
        writeSession(plan, symbols, ssh);
        if (ssh != null && plan.sshPort() != null) ssh.start(plan.sshPort(), session, watcher);
        Thread onCtrlC = new Thread(session::stop, "kforge-stop-qemu");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            watch(session, watcher, plan.timeouts());
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
        if (!session.anyOutput() && session.exitValue() != 0 && watcher.terminal() == null) {
            throw QemuStartFailure.explain(session.stderr());
        }
        if (!kernelSpoke && watcher.terminal() == null) {
            // QEMU ended (e.g. an init that powered off) and not one byte reached the console
            noConsole(watcher, seconds, seconds);
        } else if (watcher.terminal() == null && watcher.events().stream().noneMatch(VerdictBuilder::isReady)) {
            watcher.note("incomplete", seconds, Map.of());
        }
        List<Event> events = watcher.events();
        Verdict verdict = VerdictBuilder.decide(events);
        Integer status = events.stream().filter(e -> e.id().equals("command-exit"))
                .map(e -> Integer.valueOf(e.facts().get("match1"))).findFirst().orElse(null);
        int exit = verdict.booted() ? (status == null ? 0 : status) : 1;
        return new BootResult(plan, events, verdict, layer(plan, events, verdict), status, session.startedAt(), seconds, exit);
    }

    private void watch(QemuSession s, ConsoleWatcher w, BootTimeouts limits) throws InterruptedException {
        // silence is measured on the kernel's own lines (under Xen, Xen talks first)
        double silence = seconds(limits.silence());
        double hang = seconds(limits.hang());
        double timeout = seconds(limits.boot());
        while (true) {
            if (s.awaitExit(POLL_MILLIS)) return;
            s.flushPartial(300);
            Event terminal = w.terminal();
            if (terminal != null) {
                readTrace(s, w, terminal);
                return;
            }
            double t = s.secondsSinceStart();
            if (ssh != null && ssh.refused() != null) throw ssh.refused();
            if (ssh != null && ssh.ready()) {
                if (ssh.command() == null) continue; // up until the guest powers off or Ctrl-C
                runOverSsh(s, w);
                return;
            }
            if (!kernelSpoke && t >= silence) {
                noConsole(w, t, silence);
                return;
            }
            // a quiet console after a login prompt is a guest waiting for its user, not a hang
            if (s.anyOutput() && s.secondsSinceOutput() >= hang && !(ssh != null && w.seen("login-prompt"))) {
                w.note("hang", t, Map.of("quiet", fmt(hang)));
                return;
            }
            if (t >= timeout) {
                w.note("timeout", t, Map.of("timeout", fmt(timeout)));
                return;
            }
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

    /** Keeps reading after a terminal line until the trace is in the log: its end marker, or quiet. */
    private static void readTrace(QemuSession s, ConsoleWatcher w, Event terminal) throws InterruptedException {
        double since = s.secondsSinceStart();
        while (s.secondsSinceStart() - since < TRACE_MAX_SECONDS) {
            if (s.awaitExit(POLL_MILLIS)) return;
            if (w.lastMessage().startsWith("---[ end ") || s.secondsSinceOutput() >= TRACE_QUIET_SECONDS) return;
        }
    }

    private void noConsole(ConsoleWatcher w, double t, double silence) {
        String asked = w.facts().get("cmdlineConsole");
        String own = w.facts().get("console");
        boolean wrong = asked != null && !asked.isEmpty() && !asked.split(",")[0].equals(own);
        w.note(wrong ? "no-console-wrong-device" : "no-console", t, Map.of("silence", fmt(silence)));
    }

    /** Which layer failed: the hypervisor when a Xen rule is the cause, else the (dom0) kernel. */
    private static String layer(BootPlan plan, List<Event> events, Verdict verdict) {
        if (verdict.booted()) return null;
        Event cause = VerdictBuilder.cause(events);
        if (cause != null && HYPERVISOR_RULES.contains(cause.id())) {
            return "hypervisor (" + plan.profile().hypervisor().name() + ")";
        }
        return plan.profile().hypervisor() != null ? "dom0 kernel" : "kernel";
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

    private static void writeInitramfs(BootPlan plan) {
        if (plan.initramfs() == null) return;
        try (OutputStream out = Files.newOutputStream(plan.initrd())) {
            InitramfsWriter.write(plan.initramfs(), out);
        } catch (IOException e) {
            throw KforgeException.badInput("cannot write the initramfs " + plan.initrd() + ": " + e.getMessage(), null);
        }
    }

    private static double seconds(java.time.Duration d) {
        return d == null ? Double.POSITIVE_INFINITY : d.toMillis() / 1000.0;
    }

    static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : String.format("%.1f", seconds);
    }
}
