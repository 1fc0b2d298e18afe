package org.kforge.board;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.kforge.InputFile;
import org.kforge.KforgeException;
import org.kforge.Limits;
import org.kforge.TerminalText;
import org.kforge.asset.CacheDir;
import org.kforge.pci.Collector;
import org.kforge.pci.SnapshotStream;

/**
 * A PCI snapshot of a board over SSH: kforge's POSIX-sh collector runs there (no JVM on the board),
 * its "kfpci" records come back on stdout and become a snapshot directory here, where the analysis
 * runs. The board is reached with kforge's key ({@code <cache>/ssh/id_ed25519}, put its public half in
 * the board's authorized_keys); its host key is recorded on first use under {@code <cache>/ssh/known}.
 */
public final class RemotePciSnapshot {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Where to log in: {@code [user@]host[:port]} (root, 22 by default). */
    public record Target(String user, String host, int port) {
        public static Target parse(String spec) {
            String user = "root";
            String rest = spec.strip();
            int at = rest.indexOf('@');
            if (at >= 0) {
                user = rest.substring(0, at);
                rest = rest.substring(at + 1);
            }
            int port = 22;
            int colon = rest.lastIndexOf(':');
            if (colon > 0 && rest.indexOf(':') == colon) {
                try {
                    port = Integer.parseInt(rest.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw KforgeException.badInput("--ssh " + spec + ": the port is not a number", "give [user@]host[:port]");
                }
                rest = rest.substring(0, colon);
            }
            if (user.isEmpty() || rest.isEmpty() || port < 1 || port > 65535) {
                throw KforgeException.badInput("--ssh " + spec + ": expected [user@]host[:port]", null);
            }
            return new Target(user, rest, port);
        }

        @Override
        public String toString() {
            return user + "@" + host + ":" + port;
        }
    }

    private RemotePciSnapshot() {
    }

    /** What the board sends, kept up to a bound: past it, the rest is dropped and {@link #overflowed} says so. */
    private static final class CappedBuffer extends ByteArrayOutputStream {
        private final long cap;
        private boolean overflowed;

        CappedBuffer(long cap) {
            this.cap = cap;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (count + (long) len > cap) overflowed = true;
            else super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        boolean overflowed() {
            return overflowed;
        }
    }

    /** Collects into {@code dir} (a new directory, made only when the snapshot is complete) and returns it. */
    public static Path collect(Target t, CacheDir cache, Path dir) {
        SshKey key = SshKey.inDirectory(cache.dir("ssh"));
        KnownHost known = new KnownHost(cache.dir("ssh/known").resolve(t.host().replaceAll("[^A-Za-z0-9._-]", "_") + "_" + t.port()));
        CappedBuffer out = new CappedBuffer(Limits.CAPTURE_BYTES);
        CappedBuffer err = new CappedBuffer(64 * 1024);
        int status;
        try (SshTarget target = SshTarget.login(t.host(), t.port(), t.user(), key, known, TIMEOUT)) {
            status = target.exec("sh -c " + shellQuote(Collector.script()), out, err, TIMEOUT);
        } catch (IOException e) {
            throw new KforgeException(3, "cannot collect PCI state from " + t + ": " + e.getMessage(),
                    "is sshd up there, and kforge's key (" + key.privateKey() + ".pub) in its authorized_keys?");
        }
        if (out.overflowed()) throw InputFile.tooLarge("what ssh " + t + " sent", Limits.CAPTURE_BYTES);
        if (status != 0 && out.size() == 0) {
            throw new KforgeException(1, "the collector failed on " + t + " (exit " + status + "): "
                    + TerminalText.visible(err.toString(StandardCharsets.UTF_8).strip()), "run kforge pci snapshot --print-collector there by hand");
        }
        try {
            SnapshotStream.write(new ByteArrayInputStream(out.toByteArray()), dir, "ssh " + t);
            return dir;
        } catch (IOException e) {
            throw KforgeException.badInput("cannot write the snapshot " + dir + ": " + e.getMessage(), null);
        }
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
