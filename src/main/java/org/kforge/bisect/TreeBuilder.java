package org.kforge.bisect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.asset.DebianAssets;
import org.kforge.build.KernelBuild;
import org.kforge.build.KernelMake;

/**
 * Builds each commit in one build directory, so a step recompiles only what the checkout changed: the bisection's
 * config ({@code kforge-bisect.config}, made once) is copied to .config and brought to the commit's Kconfig by
 * {@code make olddefconfig}, then {@code make Image}. The build is reproducible (Documentation/kbuild/reproducible-builds.rst:
 * a fixed timestamp, user, host and build number), so two commits that compile to the same kernel give the same Image.
 */
public final class TreeBuilder implements KernelBuilder {
    /** The bisection's config in the build directory: the base config with the fragments merged, before olddefconfig. */
    public static final String CONFIG = "kforge-bisect.config";
    static final List<String> REPRODUCIBLE = List.of("KBUILD_BUILD_TIMESTAMP=Thu Jan  1 00:00:00 UTC 1970",
            "KBUILD_BUILD_USER=kforge", "KBUILD_BUILD_HOST=kforge", "KBUILD_BUILD_VERSION=1");

    private final KernelMake make;
    private final int jobs;
    private final List<String> targets;
    private final Consumer<String> progress;

    /** A build for the twin: {@code make Image}. */
    public TreeBuilder(KernelMake make, int jobs, Consumer<String> progress) {
        this(make, jobs, List.of("Image"), progress);
    }

    /** A build of more targets: for a board, {@code Image modules} (installed under kforge-modules when the config has modules) and {@code dtbs}. */
    public TreeBuilder(KernelMake make, int jobs, List<String> targets, Consumer<String> progress) {
        this.make = reproducible(make);
        this.jobs = jobs;
        this.targets = List.copyOf(targets);
        this.progress = progress;
    }

    /** The targets a step's make builds. */
    public List<String> targets() {
        return targets;
    }

    /** The make every build of a bisection (and of kforge test kunit) runs: with the fixed timestamp, user, host and number. */
    public static KernelMake reproducible(KernelMake make) {
        return make.with(REPRODUCIBLE);
    }

    @Override
    public Built build(String commit) throws InterruptedException {
        long start = System.nanoTime();
        try {
            Files.copy(make.buildDir().resolve(CONFIG), make.dotConfig(), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw KforgeException.badInput("cannot copy " + CONFIG + " to " + make.dotConfig() + ": " + e.getMessage(), null);
        }
        try {
            make.config("olddefconfig");
        } catch (KforgeException e) {
            return Built.failed("make olddefconfig: " + e.getMessage(), seconds(start));
        }
        try {
            var a = new KernelBuild(make, jobs, targets, progress).run();
            if (a.image() == null) return Built.failed("make Image left no arch/arm64/boot/Image", seconds(start));
            Path image = Path.of(a.image());
            return new Built(image, DebianAssets.sha256(image), seconds(start), null);
        } catch (KforgeException e) {
            if (e.exitCode() != 1) throw e;
            return Built.failed(e.getMessage().replaceFirst("^build failed after \\d+ s: ", ""), seconds(start));
        } catch (java.nio.file.NoSuchFileException e) {
            return Built.failed("make left no " + e.getMessage(), seconds(start));
        } catch (IOException e) {
            return Built.failed(e.getMessage(), seconds(start));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
