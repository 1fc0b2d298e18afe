package org.kforge.board;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.console.ConsoleText;
import org.kforge.console.ConsoleWatcher;
import org.kforge.console.Event;

/**
 * Watches one boot of a board on its console with kforge's rules, from the new kernel's first line (what the
 * old system prints while it goes down is shown, not judged), and probes ssh once the kernel talks: ssh-ready
 * is a login with kforge's key on a board running {@code release} with {@code marker} on its command line.
 * Every watch ends on time: a terminal line (then its trace), ssh-ready, silence, a hang or the timeout.
 */
public final class TrialWatch {
    /** Logs in to the board (a new session each call). */
    public interface Login {
        SshTarget open() throws IOException;
    }

    /** kforge deploy's limits (seconds): the new kernel's first line, console silence, ssh-ready. */
    public static final int SILENCE_SECONDS = 90;
    public static final int HANG_SECONDS = 120;
    public static final int TIMEOUT_SECONDS = 300;

    public record Limits(Duration silence, Duration hang, Duration timeout) {
    }

    private final ConsoleWatcher watcher;
    private final Consumer<String> echo;
    private volatile boolean open;
    private volatile boolean judging = true;
    private volatile String sshVerdict;
    private volatile Map<String, String> sshFacts;

    public TrialWatch(ConsoleWatcher watcher, Consumer<String> echo) {
        this.watcher = watcher;
        this.echo = echo;
    }

    /** The listener for the board's {@link ConsoleFeed}. */
    public void line(String raw, double seconds) {
        echo.accept(ConsoleText.printable(raw));
        if (!judging) return;
        if (!open && (raw.contains("Linux version ") || raw.contains("Booting Linux on physical CPU"))) open = true;
        if (open) watcher.accept(raw, seconds);
    }

    public ConsoleWatcher watcher() {
        return watcher;
    }

    /** Watches until the boot is judged; {@code sshAt} names the board's ssh address in the verdict. */
    public void watch(ConsoleFeed feed, ConsoleReader reader, Login login, String release, String marker, String sshAt, Limits l)
            throws InterruptedException {
        Thread probe = null;
        try {
            while (true) {
                Thread.sleep(50);
                feed.flushPartial(300);
                double t = feed.seconds();
                Event terminal = watcher.terminal();
                if (terminal != null) {
                    readTrace(feed);
                    return;
                }
                if (sshVerdict != null) {
                    if (sshVerdict.equals("ready")) watcher.milestone("board-ssh-ready", t, sshFacts);
                    else watcher.note("trial-wrong-kernel", t, sshFacts);
                    return;
                }
                if (open && probe == null) probe = probe(login, release, marker, sshAt);
                if (reader.ended()) {
                    throw new KforgeException(1, "the console (" + reader.what() + ") closed during the boot", "check the console server");
                }
                if (!open && t >= l.silence().toSeconds()) {
                    watcher.note("no-console", t, Map.of("silence", Long.toString(l.silence().toSeconds())));
                    return;
                }
                if (open && feed.secondsSinceBytes() >= l.hang().toSeconds() && !watcher.seen("login-prompt")) {
                    watcher.note("hang", t, Map.of("quiet", Long.toString(l.hang().toSeconds())));
                    return;
                }
                if (t >= l.timeout().toSeconds()) {
                    watcher.note("timeout", t, Map.of("timeout", Long.toString(l.timeout().toSeconds())));
                    return;
                }
            }
        } finally {
            judging = false;
            if (probe != null) probe.interrupt();
        }
    }

    /** After a terminal line, reads on until the trace has ended: its end marker or a second of quiet (5 s at most). */
    private void readTrace(ConsoleFeed feed) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
            Thread.sleep(50);
            if (watcher.lastMessage().startsWith("---[ end ") || feed.secondsSinceBytes() >= 1.0) return;
        }
    }

    private Thread probe(Login login, String release, String marker, String sshAt) {
        Thread t = new Thread(() -> {
            while (judging) {
                try (SshTarget s = login.open()) {
                    String running = s.output("uname -r", Duration.ofSeconds(20)).strip();
                    String cmdline = s.output("cat /proc/cmdline", Duration.ofSeconds(20)).strip();
                    boolean trial = running.equals(release) && java.util.List.of(cmdline.split("\\s+")).contains(marker);
                    sshFacts = Map.of("sshAt", sshAt, "release", release, "running", running + (trial ? "" : " (" + cmdline + ")"),
                            "slot", marker.substring(marker.indexOf('=') + 1));
                    sshVerdict = trial ? "ready" : "wrong";
                    return;
                } catch (IOException | RuntimeException notYet) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "kforge-board-ssh-ready");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
