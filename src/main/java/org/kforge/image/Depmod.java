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
        Path depmod = RootfsHost.find("depmod");
        HostCommand.run(List.of(depmod == null ? "depmod" : depmod.toString(), "-b", root.toString(), release), null,
                "depmod for " + release, "apt-get install kmod");
    }
}
