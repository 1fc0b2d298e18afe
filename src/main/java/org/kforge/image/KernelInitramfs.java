package org.kforge.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kforge.KforgeException;

/**
 * The initramfs a board's kernel needs to reach its root: busybox, the named modules of that kernel (with
 * their dependencies, from its {@code lib/modules/RELEASE}), kforge's /init that switches to root=.
 */
public final class KernelInitramfs {
    private KernelInitramfs() {
    }

    /** {@code modulesRoot} is the directory holding {@code RELEASE/}; its modules.dep is made if missing. */
    public static void write(Path busybox, Path modulesRoot, String release, List<String> modules, Path out) {
        Path tree = modulesRoot.getParent().getParent();
        if (!modules.isEmpty()) Depmod.ensure(tree, release);
        List<Path> files = modules.isEmpty() ? List.of() : ModuleIndex.read(modulesRoot.resolve(release)).loadOrder(modules);
        InitramfsSpec spec = new InitramfsSpec(busybox, modulesRoot, files, null, 10, modulesRoot.resolve(release));
        try (OutputStream o = Files.newOutputStream(out)) {
            InitramfsWriter.write(spec, o);
        } catch (IOException e) {
            throw KforgeException.badInput("cannot write the initramfs " + out + ": " + e.getMessage(), null);
        }
    }
}
