package org.kforge.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kforge.asset.HostCommand;

/** Debian's kernel package ships no modules.dep; {@code depmod -b} writes one from the modules themselves. */
public final class Depmod {
    private Depmod() {
    }

    /** Makes sure {@code root/lib/modules/release/modules.dep} exists. */
    public static void ensure(Path root, String release) {
        Path dep = root.resolve("lib/modules").resolve(release).resolve("modules.dep");
        if (Files.exists(dep)) return;
        HostCommand.run(List.of(depmodBinary(), "-b", root.toString(), release), null,
                "depmod for " + release, "apt-get install kmod");
    }

    private static String depmodBinary() {
        for (String d : List.of("/usr/sbin/depmod", "/sbin/depmod")) {
            if (Files.isExecutable(Path.of(d))) return d;
        }
        return "depmod";
    }
}
