package org.kforge.boot;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import org.kforge.KforgeException;
import org.kforge.board.KnownHost;
import org.kforge.board.SshKey;
import org.kforge.board.SshTarget;
import org.kforge.console.ConsoleWatcher;
import org.kforge.qemu.QemuSession;

/**
 * The twin's sshd seen from the boot: a thread logs in with kforge's key until it works (ssh-ready is
 * an authenticated session, not an open port: QEMU's user network accepts on the forwarded port long
 * before the guest listens), then {@code command} (or null) runs and the guest is powered off.
 */
public final class GuestSsh {
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);
    private static final long RETRY_MILLIS = 500;
    private static final int MAX_IN_FLIGHT = 4;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final SshKey key;
    private final KnownHost known;
    private final String command;
    private final OutputStream out;
    private final OutputStream err;
    private volatile SshTarget target;
    private volatile KforgeException refused;

    public GuestSsh(SshKey key, KnownHost known, String command, OutputStream out, OutputStream err) {
        this.key = key;
        this.known = known;
        this.command = command;
        this.out = out;
        this.err = err;
    }

    public KnownHost known() {
        return known;
    }

    String command() {
        return command;
    }

    /**
     * Starts the login loop; it notes ssh-ready on the watcher once a session is authenticated. A try
     * starts every half second, several may be in flight: before the guest's NIC is up, QEMU's user
     * network holds a connection open without an answer, and one try waiting out its timeout must not
     * make ssh-ready late.
     */
    void start(int port, QemuSession qemu, ConsoleWatcher watcher) {
        Thread t = new Thread(() -> {
            while (qemu.isAlive() && target == null && refused == null) {
                if (inFlight.get() < MAX_IN_FLIGHT) {
                    inFlight.incrementAndGet();
                    Thread attempt = new Thread(() -> attempt(port, qemu, watcher), "kforge-ssh-login");
                    attempt.setDaemon(true);
                    attempt.start();
                }
                sleep();
            }
        }, "kforge-ssh-ready");
        t.setDaemon(true);
        t.start();
    }

    private void attempt(int port, QemuSession qemu, ConsoleWatcher watcher) {
        try {
            SshTarget logged = SshTarget.login("127.0.0.1", port, "root", key, known, LOGIN_TIMEOUT);
            synchronized (this) {
                if (target != null) {
                    logged.close();
                    return;
                }
                target = logged;
            }
            watcher.milestone("ssh-ready", qemu.secondsSinceStart(), Map.of("sshPort", Integer.toString(port)));
            if (command == null) {
                System.err.println("kforge: ssh-ready on 127.0.0.1:" + port + ": kforge ssh (Ctrl-C here stops the twin)");
            }
        } catch (KforgeException e) {
            refused = e;
        } catch (IOException | RuntimeException notYet) {
            // not up yet: the loop tries again
        } finally {
            inFlight.decrementAndGet();
        }
    }

    synchronized boolean ready() {
        return target != null;
    }

    /** A host key that is not the image's: the boot stops with this error. */
    KforgeException refused() {
        return refused;
    }

    /** Runs the command; its status. */
    int run() throws IOException {
        int status = target.exec(command, out, err, null);
        out.flush();
        err.flush();
        return status;
    }

    /** Asks the guest to power off; the connection may drop before an answer, which is fine. */
    void powerOff() {
        try {
            target.exec("systemctl poweroff || poweroff", OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                    Duration.ofSeconds(10));
        } catch (IOException | RuntimeException goingDown) {
            // the guest is going down
        }
        close();
    }

    void close() {
        SshTarget t = target;
        if (t != null) t.close();
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
