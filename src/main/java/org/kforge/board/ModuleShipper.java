package org.kforge.board;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A kernel's module tree to {@code /lib/modules/RELEASE} on a board: one tar stream over ssh (thousands of small
 * files; one SFTP round trip each would dominate), unpacked under a partial name and renamed when whole, so an
 * interrupted copy leaves no half tree under the release's name.
 */
final class ModuleShipper {
    private ModuleShipper() {
    }

    /** The tree as "relative-path size" lines, sorted: what the board's copy must match. */
    static String manifest(Path tree) throws IOException {
        TreeMap<String, Long> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(tree.relativize(p).toString(), Files.size(p));
        }
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(k).append(' ').append(v).append('\n'));
        return b.toString();
    }

    /** The same manifest of the board's {@code dir}, or null when it has none. */
    static String remoteManifest(SshTarget ssh, String dir) throws IOException {
        String out = ssh.output("[ -d " + BoardFiles.q(dir) + " ] && (cd " + BoardFiles.q(dir)
                + " && find . -type f -printf '%P %s\\n' | LC_ALL=C sort) || echo kforge-none", Duration.ofMinutes(2));
        return out.strip().equals("kforge-none") ? null : out;
    }

    /** Ships {@code tree} to {@code to}; an older tree of that name (not the running kernel's) is replaced whole. */
    static void ship(SshTarget ssh, Path tree, String to, LongConsumer progress) throws IOException {
        String partial = BoardFiles.partial(to);
        String cmd = "rm -rf " + BoardFiles.q(partial) + " && mkdir -p " + BoardFiles.q(partial) + " && tar -xf - -C " + BoardFiles.q(partial);
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream out = new PipedOutputStream(in);
        IOException[] failed = new IOException[1];
        Thread writer = new Thread(() -> {
            try (OutputStream o = out) {
                write(tree, o, progress);
            } catch (IOException e) {
                failed[0] = e;
            }
        }, "kforge-modules-tar");
        writer.start();
        var err = new java.io.ByteArrayOutputStream();
        int status = ssh.exec(cmd, in, OutputStream.nullOutputStream(), err, Duration.ofMinutes(30));
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] != null) throw failed[0];
        if (status != 0) throw new IOException("tar on the board exited " + status + ": " + err.toString().strip());
        String old = BoardFiles.partial(to) + ".old";
        ssh.output("sync && rm -rf " + BoardFiles.q(old) + " && { [ ! -e " + BoardFiles.q(to) + " ] || mv " + BoardFiles.q(to) + " "
                + BoardFiles.q(old) + "; } && mv " + BoardFiles.q(partial) + " " + BoardFiles.q(to) + " && rm -rf " + BoardFiles.q(old)
                + " && sync", Duration.ofMinutes(2));
    }

    private static void write(Path tree, OutputStream o, LongConsumer progress) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(o); Stream<Path> s = Files.walk(tree)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            long sent = 0;
            for (Path p : s.sorted().toList()) {
                String name = tree.relativize(p).toString();
                if (name.isEmpty()) continue;
                if (Files.isDirectory(p)) {
                    TarArchiveEntry e = new TarArchiveEntry(name + "/");
                    e.setMode(0755);
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                } else if (Files.isRegularFile(p)) {
                    TarArchiveEntry e = new TarArchiveEntry(name);
                    e.setMode(0644);
                    e.setSize(Files.size(p));
                    tar.putArchiveEntry(e);
                    Files.copy(p, tar);
                    tar.closeArchiveEntry();
                    sent += e.getSize();
                    progress.accept(sent);
                }
            }
        }
    }
}
