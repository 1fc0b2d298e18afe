package org.kforge.cli;

import java.nio.file.Path;
import java.util.List;
import org.kforge.asset.CacheDir;
import org.kforge.board.SshKey;
import org.kforge.image.RootfsBuilder;
import org.kforge.image.RootfsSpec;
import org.kforge.profile.MachineProfile;

/** Where kforge's rootfs images and its ssh key live in the cache, and the default image of a profile. */
final class RootfsImages {
    static final String DEFAULT_SUITE = "bookworm";
    static final String DEFAULT_SIZE = "2G";

    private RootfsImages() {
    }

    static SshKey key(CacheDir cache) {
        return SshKey.inDirectory(cache.dir("ssh"));
    }

    static RootfsBuilder builder(CacheDir cache, java.util.function.Consumer<String> status) {
        return new RootfsBuilder(cache.dir("images"), status);
    }

    static RootfsSpec spec(MachineProfile p, String arch, String suite, List<String> extra, String size, CacheDir cache) {
        return new RootfsSpec(arch == null ? p.kernel().debianArch() : arch, suite, extra == null ? List.of() : extra,
                RootfsSpec.parseSize(size), p.console().device(), p.root().device(), SshKey.publicLine(cache.dir("ssh")));
    }

    /** The profile's default image ({@code --rootfs debian}), built on first use. */
    static Path defaultImage(CacheDir cache, MachineProfile p, java.io.PrintWriter err) throws InterruptedException {
        try (StatusLine status = new StatusLine(err)) {
            return builder(cache, status::show).build(defaultSpec(cache, p));
        }
    }

    /** Where the default image is (or will be, once built). */
    static Path defaultImagePath(CacheDir cache, MachineProfile p) {
        return builder(cache, s -> { }).imageFor(defaultSpec(cache, p));
    }

    private static RootfsSpec defaultSpec(CacheDir cache, MachineProfile p) {
        return spec(p, null, DEFAULT_SUITE, List.of(), DEFAULT_SIZE, cache);
    }

    /** Known host keys: one file per image, named by a hash of its absolute path. */
    static Path knownHostsFor(CacheDir cache, Path image) {
        String id = Integer.toHexString(image.toAbsolutePath().normalize().toString().hashCode());
        return cache.root().resolve("ssh").resolve("known_hosts").resolve(image.getFileName() + "-" + id);
    }
}
