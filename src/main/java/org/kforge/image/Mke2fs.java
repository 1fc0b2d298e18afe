package org.kforge.image;

import java.nio.file.Path;
import java.util.List;
import org.kforge.asset.HostCommand;

/** An ext4 image made from a directory by {@code mke2fs -d} (e2fsprogs): no mount, no root needed for it. */
final class Mke2fs {
    private Mke2fs() {
    }

    static void make(Path root, Path image, long sizeBytes) {
        // mke2fs(8): -d copies the directory in; the size in KiB; the label names it in blkid
        HostCommand.run(List.of(RootfsHost.find("mke2fs").toString(), "-q", "-F", "-t", "ext4", "-L", "kforge-root",
                "-d", root.toString(), image.toString(), (sizeBytes >> 10) + "k"), null, "mke2fs", "apt-get install e2fsprogs");
    }
}
