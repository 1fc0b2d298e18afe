package org.kforge.asset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import org.kforge.KforgeException;

/**
 * Debian's {@code linux-source-6.1} (arch all), its tarball unpacked once into
 * {@code <cache>/src/linux-source-6.1-<version>/}: a temporary directory, then one rename.
 */
public final class LinuxSource {
    public static final String PACKAGE = "linux-source-6.1";

    private LinuxSource() {
    }

    /** The unpacked kernel tree, fetching and unpacking it on first use. */
    public static Path tree(CacheDir cache, Consumer<String> progress) {
        DebianAssets debs = new DebianAssets(cache, "all", progress);
        Path pkg = debs.tree(PACKAGE, false, false);
        String version = debs.provenance(PACKAGE).replaceFirst("^\\S+\\s+", "");
        Path tree = cache.dir("src").resolve(PACKAGE + "-" + version);
        if (Files.isRegularFile(tree.resolve("Kconfig"))) return tree;
        Path tarball = pkg.resolve("usr/src/" + PACKAGE + ".tar.xz");
        progress.accept("unpacking " + tarball.getFileName() + " into " + tree);
        try {
            Path tmp = Files.createTempDirectory(tree.getParent(), ".unpack-");
            HostCommand.run(List.of("tar", "-C", tmp.toString(), "-xJf", tarball.toString()), null,
                    "tar -xJf " + tarball.getFileName(), "apt-get install tar xz-utils");
            Files.move(tmp.resolve(PACKAGE), tree, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.delete(tmp);
            return tree;
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot unpack " + tarball + ": " + e.getMessage(), null);
        }
    }
}
