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
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(20);
    private static final long RETRY_MILLIS = 500;
    private final SshKey key;
    private final KnownHost known;
    private final String command;
    private final OutputStream out;
    private final OutputStream err;
    private volatile SshTarget target;
    private volatile org.apache.sshd.client.SshClient client;
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
     * Starts the login loop, one try at a time as a user's {@code until ssh ...; do sleep; done} would:
     * before the guest's NIC is up, QEMU's user network holds a try open without an answer, and it goes
     * on as soon as the guest answers. Notes ssh-ready on the watcher once a session is authenticated.
     */
    private void note(String line) {
        try {
            err.write(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException e) {
            // a note the user could not see
        }
    }

    void start(int port, QemuSession qemu, ConsoleWatcher watcher) {
        Thread t = new Thread(() -> {
            client = SshTarget.client(known);
            while (qemu.isAlive() && target == null && refused == null) {
                try {
                    target = SshTarget.login(client, "127.0.0.1", port, "root", key, known, LOGIN_TIMEOUT);
                    watcher.milestone("ssh-ready", qemu.secondsSinceStart(), Map.of("sshPort", Integer.toString(port)));
                    if (command == null) {
                        note("kforge: ssh-ready on 127.0.0.1:" + port + ": kforge ssh (Ctrl-C here stops the twin)\n");
                    }
                } catch (KforgeException e) {
                    refused = e;
                } catch (IOException | RuntimeException notYet) {
                    sleep();
                }
            }
        }, "kforge-ssh-ready");
        t.setDaemon(true);
        t.start();
    }

    boolean ready() {
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
        var c = client;
        if (c != null) c.stop();
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
