package org.kforge.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.kforge.KforgeException;

/**
 * Debian packages as unpacked trees in a content-addressed cache: {@code cas/<sha256 of the .deb>/}.
 * A package once resolved is remembered in {@code index/<arch>/<name>}, so a later run needs no apt at all
 * ({@code refresh} asks the lists again).
 */
public final class DebianAssets {
    private static final String COMPLETE = ".kforge-complete";

    private final CacheDir cache;
    private final String arch;
    private final Consumer<String> progress;
    private HostApt apt;

    public DebianAssets(CacheDir cache, String debianArch, Consumer<String> progress) {
        this.cache = cache;
        this.arch = debianArch;
        this.progress = progress;
    }

    /** The unpacked tree of {@code pkg}; with {@code followMeta} a metapackage is replaced by its first dependency. */
    public Path tree(String pkg, boolean followMeta, boolean refresh) {
        Path index = cache.dir("index/" + arch).resolve(pkg);
        if (!refresh) {
            Path known = remembered(index);
            if (known != null) return known;
        }
        HostApt.PackageInfo info = resolve(pkg, followMeta, refresh);
        Path known = remembered(index);
        if (known != null && provenance(pkg).equals(info.name() + " " + info.version())) {
            return known; // refreshed lists, same version: the unpacked tree stands
        }
        Path deb = download(info);
        Path tree = unpack(deb);
        try {
            Path tmp = index.resolveSibling(pkg + ".tmp");
            Files.writeString(tmp, cache.root().relativize(tree) + "\n" + info.name() + " " + info.version() + "\n");
            Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot write the cache index " + index + ": " + e.getMessage(), null);
        }
        return tree;
    }

    /** The unpacked tree of {@code pkg} if an earlier run fetched it, else null: never touches the network. */
    public Path cached(String pkg) {
        return remembered(cache.root().resolve("index/" + arch).resolve(pkg));
    }

    /** The Debian name and version recorded for {@code pkg}, e.g. "linux-image-6.1.0-56-arm64 6.1.192-2". */
    public String provenance(String pkg) {
        try {
            var lines = Files.readAllLines(cache.root().resolve("index/" + arch).resolve(pkg));
            return lines.size() > 1 ? lines.get(1) : pkg;
        } catch (IOException e) {
            return pkg;
        }
    }

    private Path remembered(Path index) {
        try {
            if (!Files.isRegularFile(index)) return null;
            Path tree = cache.root().resolve(Files.readAllLines(index).get(0).strip());
            return Files.exists(tree.resolve(COMPLETE)) ? tree : null;
        } catch (IOException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private HostApt.PackageInfo resolve(String pkg, boolean followMeta, boolean refresh) {
        if (apt == null) {
            apt = new HostApt(cache, listsArch());
            if (refresh || !apt.hasLists()) {
                progress.accept("reading Debian's " + arch + " package lists through the host's apt sources");
                apt.update();
            }
        }
        HostApt.PackageInfo info = apt.show(pkg);
        if (followMeta && info.firstDependency() != null) {
            info = apt.show(info.firstDependency());
        }
        return info;
    }

    /** Arch "all" packages are listed in every architecture's Packages file: read them from the host's own. */
    private String listsArch() {
        if (!"all".equals(arch)) return arch;
        return HostCommand.run(java.util.List.of("dpkg", "--print-architecture"), null,
                "dpkg --print-architecture", "kforge needs a Debian host (dpkg)").strip();
    }

    private Path download(HostApt.PackageInfo info) {
        Path debs = cache.dir("debs");
        Path deb = debs.resolve(info.debFileName(arch));
        if (Files.isRegularFile(deb)) return deb;
        progress.accept("downloading " + info.name() + " " + info.version() + " (" + arch + ")");
        try {
            Path tmp = Files.createTempDirectory(debs, ".download-");
            apt.download(info, tmp);
            try (var s = Files.list(tmp)) {
                Path got = s.filter(p -> p.toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> KforgeException.hostMissing("apt-get download of " + info.name()
                                + " produced no .deb", "check the host's apt sources"));
                Files.move(got, deb, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.delete(tmp);
            return deb;
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot store " + deb + ": " + e.getMessage(), null);
        }
    }

    private Path unpack(Path deb) {
        Path tree = cache.dir("cas").resolve("sha256-" + sha256(deb));
        if (Files.exists(tree.resolve(COMPLETE))) return tree;
        progress.accept("unpacking " + deb.getFileName());
        try {
            Path tmp = Files.createTempDirectory(tree.getParent(), ".unpack-");
            DebArchive.unpackData(deb, tmp);
            Files.writeString(tmp.resolve(COMPLETE), deb.getFileName() + "\n", StandardCharsets.UTF_8);
            if (Files.exists(tree)) FileTrees.delete(tree);
            Files.move(tmp, tree, StandardCopyOption.ATOMIC_MOVE);
            return tree;
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot unpack " + deb + ": " + e.getMessage(), null);
        }
    }

    /** The SHA-256 of a file, in hex. */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw KforgeException.hostMissing("cannot read " + file + ": " + e.getMessage(), null);
        }
    }
}
