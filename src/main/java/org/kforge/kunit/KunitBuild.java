package org.kforge.kunit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.bisect.BisectConfig;
import org.kforge.bisect.KernelBuilder;
import org.kforge.bisect.TreeBuilder;
import org.kforge.build.KernelMake;
import org.kforge.kconfig.FragmentMerge;
import org.kforge.kconfig.KernelConfig;

/**
 * Builds a KUnit kernel with the bisection's builder: the config made once in the build directory, then each run
 * {@code make olddefconfig} and {@code make Image} there (incremental, ccache in front of the compiler). After the
 * build every option a fragment asked for is checked in the .config make left: the real Kconfig wins over a
 * fragment, and a suite it dropped is said with the command that explains why.
 */
public final class KunitBuild {
    private final KernelMake make;
    private final KunitConfig config;
    private final int jobs;
    private final Consumer<String> progress;

    public KunitBuild(KernelMake make, KunitConfig config, int jobs, Consumer<String> progress) {
        this.make = make;
        this.config = config;
        this.jobs = jobs;
        this.progress = progress;
    }

    /** Whether the config was made before (a later run of the same request): then only make runs. */
    public boolean configured() {
        return Files.isRegularFile(make.buildDir().resolve(TreeBuilder.CONFIG));
    }

    public KernelBuilder.Built run() throws InterruptedException {
        requireHostTools(System.getenv().getOrDefault("PATH", ""));
        if (!configured()) {
            progress.accept("config: " + config.describe() + " in " + make.buildDir());
            BisectConfig.prepare(make, config.base(), config.fragments());
            // proved before the long make: a suite the Kconfig drops is said in seconds, not after the build
            try {
                Files.copy(make.buildDir().resolve(TreeBuilder.CONFIG), make.dotConfig(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw KforgeException.badInput("cannot write " + make.dotConfig() + ": " + e.getMessage(), null);
            }
            make.config("olddefconfig");
            try {
                prove(KernelConfig.read(make.dotConfig()));
            } catch (KforgeException dropped) {
                // made again next time, after the fragment is mended
                try {
                    Files.deleteIfExists(make.buildDir().resolve(TreeBuilder.CONFIG));
                } catch (java.io.IOException ignored) {
                    // the next run proves it again anyway
                }
                throw dropped;
            }
        }
        KernelBuilder.Built b = new TreeBuilder(make, jobs, line -> progress.accept("  " + line)).build("kunit");
        if (!b.ok()) throw new KforgeException(1, "the KUnit kernel did not build: " + b.error(), "full log: " + make.buildDir().resolve("kforge-build.log"));
        prove(KernelConfig.read(make.dotConfig()));
        return b;
    }

    /** Each asked-for option as make olddefconfig left it; the first one dropped is an error naming its fragment. */
    private void prove(KernelConfig result) {
        for (Map.Entry<String, String[]> e : config.asked().entrySet()) {
            String got = result.value(e.getKey());
            if (FragmentMerge.survived(e.getValue()[0], got)) continue;
            throw KforgeException.badInput("CONFIG_" + e.getKey() + "=" + e.getValue()[0] + " (asked by " + e.getValue()[1]
                    + ") is " + (got == null ? "n" : got) + " in the built config: its dependencies in this tree's Kconfig are not met",
                    "kforge config why CONFIG_" + e.getKey() + " --source " + make.source() + " --config " + make.dotConfig());
        }
    }

    /** The host programs an arm64 kernel build runs besides the compiler (Documentation/process/changes.rst), by Debian package. */
    static final Map<String, String> HOST_TOOLS = new java.util.LinkedHashMap<>(Map.of("make", "make", "flex", "flex", "bison", "bison",
            "bc", "bc", "gcc", "gcc"));

    /** Exit 3 naming the Debian packages when a program the build runs is missing (scripts/host-packages, group kbuild). */
    static void requireHostTools(String path) {
        java.util.List<String> missing = HOST_TOOLS.entrySet().stream().filter(e -> !org.kforge.build.Toolchain.onPath(e.getKey(), path))
                .map(Map.Entry::getValue).distinct().sorted().toList();
        if (!missing.isEmpty()) {
            throw KforgeException.hostMissing("the kernel build needs " + String.join(", ", missing) + ", which this host lacks",
                    "apt-get install --no-install-recommends " + String.join(" ", missing) + " (scripts/host-packages, group kbuild)");
        }
    }

    public Path image() {
        return make.buildDir().resolve("arch/arm64/boot/Image");
    }
}
