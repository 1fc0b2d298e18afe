package org.kforge.board;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Files on a board over one SSH login: read, checksum, and write so that a file is either its old self or
 * its whole new self (written beside it under a new name, synced, then renamed over it: rename(2)).
 */
final class BoardFiles {
    private static final Duration SHORT = Duration.ofSeconds(60);
    private final SshTarget ssh;

    BoardFiles(SshTarget ssh) {
        this.ssh = ssh;
    }

    /** The text of a file, or null when there is none. */
    String read(String path) throws IOException {
        String out = ssh.output("if [ -f " + q(path) + " ]; then echo y; cat " + q(path) + "; else echo n; fi", SHORT);
        return out.startsWith("y\n") ? out.substring(2) : null;
    }

    String sha256(String path) throws IOException {
        return ssh.output("sha256sum " + q(path), SHORT).split("\\s+")[0];
    }

    void mkdirs(String dir) throws IOException {
        ssh.output("mkdir -p " + q(dir), SHORT);
    }

    boolean exists(String path) throws IOException {
        return ssh.output("[ -e " + q(path) + " ] && echo y || echo n", SHORT).strip().equals("y");
    }

    long size(String path) throws IOException {
        String s = ssh.output("stat -c %s " + q(path) + " 2>/dev/null || echo -1", SHORT).strip();
        return Long.parseLong(s);
    }

    /** Copies a local file whole under {@code to}: to a partial name, synced, then renamed. */
    void put(Path local, String to, java.util.function.LongConsumer progress) throws IOException {
        String partial = partial(to);
        ssh.upload(local, partial, progress);
        ssh.output("sync " + q(partial) + " && mv -f " + q(partial) + " " + q(to) + " && sync", SHORT);
    }

    void putText(String text, String to) throws IOException {
        Path tmp = Files.createTempFile("kforge-board", ".txt");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            put(tmp, to, n -> { });
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A copy of {@code from} as {@code to}, made whole before it takes the name. */
    void copy(String from, String to) throws IOException {
        String partial = partial(to);
        ssh.output("cp " + q(from) + " " + q(partial) + " && sync && mv -f " + q(partial) + " " + q(to) + " && sync", SHORT);
    }

    /** Removes a directory kforge put on the board (a slot, a module tree): an absolute path two levels deep at least. */
    void removeTree(String dir) throws IOException {
        if (!dir.startsWith("/") || dir.contains("/../") || dir.replaceAll("/+$", "").chars().filter(c -> c == '/').count() < 2) {
            throw new IOException("not a directory kforge put on the board: " + dir);
        }
        ssh.output("rm -rf -- " + q(dir) + " && sync", SHORT);
    }

    static String partial(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + "." + path.substring(slash + 1) + ".kforge-partial";
    }

    /** A word for sh: single-quoted. */
    static String q(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
