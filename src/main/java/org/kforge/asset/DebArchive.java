package org.kforge.asset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.kforge.KforgeException;

/** A Debian binary package: an ar archive whose {@code data.tar.*} is the file tree (deb(5)). */
public final class DebArchive {
    private DebArchive() {
    }

    /** Unpacks the package's file tree into {@code dest} (which must exist), refusing paths that leave it. */
    public static void unpackData(Path deb, Path dest) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(deb));
             ArArchiveInputStream ar = new ArArchiveInputStream(in)) {
            ArArchiveEntry e;
            while ((e = ar.getNextEntry()) != null) {
                String name = e.getName();
                if (name.startsWith("data.tar")) {
                    untar(decompress(name, ar, deb), dest);
                    return;
                }
            }
        }
        throw KforgeException.badInput(deb + " is not a Debian package: it has no data.tar member", null);
    }

    private static InputStream decompress(String member, InputStream in, Path deb) throws IOException {
        if (member.endsWith(".xz")) return new XZCompressorInputStream(in);
        if (member.endsWith(".gz")) return new GzipCompressorInputStream(in);
        if (member.equals("data.tar")) return in;
        throw KforgeException.badInput(deb + ": " + member + " uses a compression kforge does not read",
                "unpack it with dpkg-deb -x and pass the files by path");
    }

    private static void untar(InputStream in, Path dest) throws IOException {
        Path root = dest.toAbsolutePath().normalize();
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            Path target = root.resolve(e.getName()).normalize();
            if (!target.startsWith(root)) {
                throw KforgeException.badInput("package member " + e.getName() + " points outside the tree", null);
            }
            if (e.isDirectory()) {
                Files.createDirectories(target);
            } else if (e.isSymbolicLink()) {
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, Path.of(e.getLinkName()));
            } else if (e.isFile()) {
                Files.createDirectories(target.getParent());
                Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                if ((e.getMode() & 0100) != 0) {
                    target.toFile().setExecutable(true, false);
                }
            }
        }
    }
}
