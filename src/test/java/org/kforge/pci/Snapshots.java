package org.kforge.pci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The captured collector streams under src/test/resources/pci, rebuilt into snapshot directories. */
public final class Snapshots {
    static final String[] ALL = {"twin-plain", "twin-smmu-nodrv", "twin-smmu", "twin-smmu-rootport", "host"};

    private Snapshots() {
    }

    public static Path unpack(String name, Path tmp) throws IOException {
        Path dir = tmp.resolve(name);
        if (Files.isDirectory(dir)) return dir;
        try (var in = Snapshots.class.getResourceAsStream("/pci/" + name + ".kfpci")) {
            var lines = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList();
            SnapshotStream.write(lines, dir, name);
        }
        return dir;
    }

    static SysfsSnapshot open(String name, Path tmp) throws IOException {
        return SysfsSnapshot.open(unpack(name, tmp));
    }
}
