package org.kforge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.kforge.KforgeException;

/** {@code kforge boot --kernel-tree}: the Image a kforge build left in its build directory. */
final class BuiltTree {
    private BuiltTree() {
    }

    static Path image(Path buildDir, String kernel) {
        if (kernel != null) throw KforgeException.badInput("--kernel and --kernel-tree both name a kernel", "give one");
        Path image = buildDir.resolve("arch/arm64/boot/Image");
        if (!Files.isRegularFile(image)) {
            throw KforgeException.badInput("no arch/arm64/boot/Image in " + buildDir,
                    "kforge build --source DIR -O " + buildDir);
        }
        return image;
    }
}
