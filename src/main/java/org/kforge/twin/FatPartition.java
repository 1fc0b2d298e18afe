package org.kforge.twin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kforge.asset.HostCommand;

/**
 * A FAT file system inside a disk image at a byte offset, read and written with mtools (no mount, no
 * root): {@code mcopy -i disk.img@@OFFSET}. The twin's firmware stand-in reads its boot partition so.
 */
public final class FatPartition {
    private static final String HINT = "apt-get install mtools";
    /** mtools checks the geometry of a whole disk; a partition inside an image has none to check. */
    private static final Map<String, String> ENV = Map.of("MTOOLS_SKIP_CHECK", "1");
    private final Path image;
    private final long offset;

    public FatPartition(Path image, long offset) {
        this.image = image;
        this.offset = offset;
    }

    private String target() {
        return image + "@@" + offset;
    }

    /** The bytes of {@code name} (a path in the partition), or null when it is not there. */
    public byte[] read(String name) {
        try {
            Path tmp = Files.createTempFile("kforge-fat", ".bin");
            try {
                Files.delete(tmp);
                ProcessBuilder pb = new ProcessBuilder("mcopy", "-n", "-i", target(), "::" + name, tmp.toString());
                pb.environment().putAll(ENV);
                pb.redirectErrorStream(true);
                Process p = pb.start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() != 0 || !Files.exists(tmp)) return null;
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw org.kforge.KforgeException.hostMissing("mcopy is not installed (reading the twin's boot partition)", HINT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Copies {@code name} out to {@code to}; false when it is not there. */
    public boolean copyOut(String name, Path to) throws IOException {
        byte[] b = read(name);
        if (b == null) return false;
        Files.write(to, b);
        return true;
    }

    /** Writes a local file into the partition as {@code name}, its directories made first. */
    public void put(Path local, String name) {
        int slash = name.lastIndexOf('/');
        if (slash > 0) mkdirs(name.substring(0, slash));
        run("mcopy", "-o", "-i", target(), local.toString(), "::" + name);
    }

    public void put(String text, String name) throws IOException {
        Path tmp = Files.createTempFile("kforge-fat", ".txt");
        try {
            Files.writeString(tmp, text);
            put(tmp, name);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void mkdirs(String dir) {
        List<String> parts = new ArrayList<>();
        String acc = "";
        for (String part : dir.split("/")) {
            acc = acc.isEmpty() ? part : acc + "/" + part;
            parts.add(acc);
        }
        for (String d : parts) {
            if (read(d) == null && !isDirectory(d)) run("mmd", "-i", target(), "::" + d);
        }
    }

    private boolean isDirectory(String dir) {
        ProcessBuilder pb = new ProcessBuilder("mdir", "-b", "-i", target(), "::" + dir);
        pb.environment().putAll(ENV);
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Formats the partition ({@code bytes} long) as FAT32 labelled {@code label} (mkfs.fat --offset). */
    public void format(long bytes, String label) {
        HostCommand.run(List.of("mkfs.fat", "-F", "32", "-s", "8", "-n", label, "--offset", Long.toString(offset / 512),
                image.toString(), Long.toString(bytes / 1024)), null, "mkfs.fat", "apt-get install dosfstools");
    }

    private void run(String... cmd) {
        HostCommand.run(List.of(cmd), null, ENV, cmd[0] + " on " + target(), HINT);
    }
}
