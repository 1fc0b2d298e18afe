package org.kforge.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.kforge.KforgeException;
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

    /** Collects into {@code dir} (created) and returns it. */
    public static Path collect(Target t, CacheDir cache, Path dir) {
        SshKey key = SshKey.inDirectory(cache.dir("ssh"));
        KnownHost known = new KnownHost(cache.dir("ssh/known").resolve(t.host().replaceAll("[^A-Za-z0-9._-]", "_") + "_" + t.port()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (SshTarget target = SshTarget.login(t.host(), t.port(), t.user(), key, known, TIMEOUT)) {
            status = target.exec("sh -c " + shellQuote(Collector.script()), out, err, TIMEOUT);
        } catch (IOException e) {
            throw new KforgeException(3, "cannot collect PCI state from " + t + ": " + e.getMessage(),
                    "is sshd up there, and kforge's key (" + key.privateKey() + ".pub) in its authorized_keys?");
        }
        List<String> lines = out.toString(StandardCharsets.ISO_8859_1).lines().toList();
        if (status != 0 && lines.isEmpty()) {
            throw new KforgeException(1, "the collector failed on " + t + " (exit " + status + "): "
                    + err.toString(StandardCharsets.UTF_8).strip(), "run kforge pci snapshot --print-collector there by hand");
        }
        try {
            Files.createDirectories(dir);
            SnapshotStream.write(lines, dir, "ssh " + t);
            return dir;
        } catch (IOException e) {
            throw KforgeException.badInput("cannot write the snapshot " + dir + ": " + e.getMessage(), null);
        }
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
