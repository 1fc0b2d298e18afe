package org.kforge.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kforge.asset.CacheDir;
import org.kforge.asset.LinuxSource;
import org.kforge.it.Kforge;

/**
 * kforge bisect on real kernel source (issue 20): Debian's linux-source-6.1 as a nine-commit history with a planted
 * build break and a planted panic; tinyconfig + the twin fragment, built in one build directory, booted on the twin.
 * The first run is stopped (SIGTERM, as Ctrl-C) after the bad end; the tree must be as it was; --continue finishes.
 * Its history, build directory and ccache live under $XDG_CACHE_HOME/kforge, which CI keeps: on a cold cache the first
 * run pays a whole tinyconfig build (31 min measured on 2 busy cores), as KunitIT's first run does; with the cache
 * warm the whole test takes a few minutes (steps of 7-14 s builds).
 */
class BisectIT {
    @Test
    void findsThePlantedPanicSkipsTheBrokenBuildAndLeavesTheTreeAsFound() throws Exception {
        long start = System.nanoTime();
        CacheDir cache = CacheDir.fromEnvironment();
        Path tree = KernelHistory.tree(cache, LinuxSource.tree(cache, System.err::println));
        System.err.printf("BisectIT: history ready in %.0f s%n", (System.nanoTime() - start) / 1e9);
        String before = asFound(tree);
        String c5 = KernelHistory.run(tree, "git", "rev-parse", "c5").strip();
        String c6 = KernelHistory.run(tree, "git", "rev-parse", "c6").strip();
        String[] bisect = {"bisect", "--tree", tree.toString(), "--good", "c0", "--bad", "c8", "--base", "tinyconfig",
                "--config", "qemu-virt-arm64", "--timeout", "120"};

        Kforge plan = Kforge.run(concat(bisect, "--dry-run"));
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("commits:  8 between them", "tinyconfig + qemu-virt-arm64", "make -s -C " + tree);
        assertThat(asFound(tree)).isEqualTo(before);

        // the first run, stopped as Ctrl-C stops it once the bad end has been judged (a step's build under way)
        File err = File.createTempFile("kforge-bisect", ".err");
        Process first = Kforge.command(bisect).redirectErrorStream(false).redirectError(err)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        first.getOutputStream().close();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
        while (!Files.readString(err.toPath()).contains("bad: panic in 1 of 1 boots") && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        String log = Files.readString(err.toPath());
        assertThat(log).as(log).containsPattern("kforge: bad end +[0-9a-f]{12}  build +\\d+ s  bad: panic in 1 of 1 boots");
        System.err.printf("BisectIT: bad end judged after %.0f s%n", (System.nanoTime() - start) / 1e9);
        Thread.sleep(3000);
        first.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(asFound(tree)).as("the tree after SIGTERM").isEqualTo(before);
        assertThat(Files.readString(err.toPath())).contains("kforge: stopped; the tree is as it was found");
        assertThat(Kforge.runningQemus()).isZero();

        Kforge done = Kforge.within(3600, Map.of(), "bisect", "--tree", tree.toString(), "--continue");
        System.err.println(done.err());
        System.err.println(done.out());
        System.err.printf("BisectIT: whole test %.0f s (the --continue run %.0f s)%n", (System.nanoTime() - start) / 1e9, done.seconds());
        assertThat(done.exitCode()).as(done.toString()).isZero();
        assertThat(done.err()).contains("(from the state file)  bad: panic in 1 of 1 boots");
        assertThat(done.err()).containsPattern("step \\d of ~\\d +[0-9a-f]{12}  build +\\d+ s  skip: build failed: \\S*lib/ctype.c:\\d+:\\d*:? ?error: #error");
        assertThat(done.out()).contains("FIRST BAD COMMIT: " + c6, "init: panic before the first process runs",
                "files:   init/main.c", "bad end  ", "good end ", "booted 1 of 1");
        assertThat(done.out()).contains("A: ").contains(c5.substring(0, 12)).contains("First divergence")
                .containsPattern("first line only the culprit printed: B line \\d+: .*Kernel panic - not syncing: " + KernelHistory.PANIC);
        assertThat(asFound(tree)).as("the tree after the bisection").isEqualTo(before);
        assertThat(Kforge.runningQemus()).isZero();
    }

    /** HEAD, its branch and the work tree's state, as git sees them. */
    private static String asFound(Path tree) throws Exception {
        return KernelHistory.run(tree, "git", "symbolic-ref", "HEAD") + KernelHistory.run(tree, "git", "rev-parse", "HEAD")
                + KernelHistory.run(tree, "git", "status", "--porcelain", "--ignored") + Files.exists(tree.resolve(".git/BISECT_START"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
