package org.kforge.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.asset.CacheDir;
import org.kforge.asset.LinuxSource;
import org.kforge.it.Kforge;

/** Issue 4's whole loop on Debian's linux-source-6.1: tinyconfig + the twin fragment, build, boot (minutes on 2 cores). */
class KernelBuildIT {
    /** Removed after the test (90 MB a run were left in /tmp before); ccache keeps the next run's build short. */
    @TempDir
    Path build;

    @Test
    void tinyconfigPlusTwinFragmentBuildsAndBoots() throws Exception {
        Path source = LinuxSource.tree(CacheDir.fromEnvironment(), System.err::println);
        Kforge config = Kforge.run("config", "new", "--source", source.toString(), "--base", "tinyconfig",
                "--fragment", "qemu-virt-arm64", "-O", build.toString());
        assertThat(config.exitCode()).as(config.toString()).isZero();
        assertThat(config.out()).contains("23 asked, 0 dropped");

        // in-process: a build on 2 cores can outlast Kforge.run's 300 s limit
        KernelMake make = KernelMake.of(source, build, Toolchain.detect("arm64", System.getenv()));
        BuildArtifacts built = new KernelBuild(make, 2, java.util.List.of("Image"), System.err::println).run();
        assertThat(built.image()).endsWith("arch/arm64/boot/Image");
        assertThat(built.systemMap()).isNotNull();
        assertThat(Files.readString(build.resolve("build.json"))).contains("\"image\"", "arch/arm64/boot/Image");

        Kforge boot = Kforge.run("boot", "--kernel-tree", build.toString(), "--timeout", "120");
        assertThat(boot.exitCode()).as(boot.toString()).isZero();
        assertThat(boot.out()).contains("Linux version 6.1.192", "BOOTED: userspace ready (kforge marker)");
    }
}
