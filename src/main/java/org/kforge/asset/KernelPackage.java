package org.kforge.asset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kforge.KforgeException;

/**
 * An unpacked Debian kernel package: {@code boot/vmlinuz-REL}, {@code lib/modules/REL}, DTBs under
 * {@code usr/lib/linux-image-REL}. Debian's arm64 vmlinuz is an uncompressed Image QEMU boots as is.
 */
public record KernelPackage(Path tree, String release, String provenance) {

    public static KernelPackage in(Path tree, String provenance) {
        Path modules = tree.resolve("lib/modules");
        try (var s = Files.list(modules)) {
            List<String> releases = s.map(p -> p.getFileName().toString()).sorted().toList();
            if (releases.size() != 1) {
                throw KforgeException.badInput(tree + " holds " + releases.size() + " kernel releases, expected one", null);
            }
            return new KernelPackage(tree, releases.get(0), provenance);
        } catch (IOException e) {
            throw KforgeException.badInput(tree + " is not an unpacked kernel package (no lib/modules)", null);
        }
    }

    public Path image() {
        return tree.resolve("boot/vmlinuz-" + release);
    }

    public Path modulesDir() {
        return tree.resolve("lib/modules/" + release);
    }

    public Path dtbDir() {
        return tree.resolve("usr/lib/linux-image-" + release);
    }

    public Path config() {
        return tree.resolve("boot/config-" + release);
    }
}
