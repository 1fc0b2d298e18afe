package org.kforge.bisect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kforge.KforgeException;
import org.kforge.build.KernelMake;
import org.kforge.kconfig.FragmentMerge;
import org.kforge.kconfig.KernelConfig;

/**
 * The one config every step builds: a base (a make *config target or a file) with the fragments merged as
 * {@code kforge config new} merges them, written once as {@link TreeBuilder#CONFIG} in the build directory.
 */
public final class BisectConfig {
    private BisectConfig() {
    }

    /** Checks the base and the fragments before anything runs. */
    public static void check(String base, List<String> fragments, Path tree, String arch) {
        if (!Files.isRegularFile(Path.of(base)) && !base.endsWith("config")) {
            throw KforgeException.badInput("--base " + base + " is neither a file nor a make *config target", "--base defconfig, --base tinyconfig or --base FILE");
        }
        for (String f : fragments) FragmentMerge.fragment(f, tree, arch);
    }

    /** Makes the bisection's config from the tree as it is now. */
    public static void prepare(KernelMake make, String base, List<String> fragments) {
        try {
            Files.createDirectories(make.buildDir());
            Path file = Path.of(base);
            if (Files.isRegularFile(file)) Files.copy(file, make.dotConfig(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            else make.config(base);
            FragmentMerge merge = new FragmentMerge(KernelConfig.read(make.dotConfig()));
            for (String f : fragments) merge.add(FragmentMerge.fragment(f, make.source(), make.toolchain().arch()));
            Files.writeString(make.buildDir().resolve(TreeBuilder.CONFIG), merge.text());
        } catch (IOException e) {
            throw KforgeException.badInput("cannot write the config in " + make.buildDir() + ": " + e.getMessage(), null);
        }
    }
}
