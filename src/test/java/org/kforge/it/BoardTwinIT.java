package org.kforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kforge.asset.CacheDir;
import org.kforge.asset.DebianAssets;
import org.kforge.asset.KernelPackage;

/**
 * The twin board used as a board: started once for the class (a TCG boot is slow), then deployed to three
 * times through its profile — Debian's kernel promoted, a kernel that cannot mount its root falling back with
 * config.txt unchanged, and a deploy killed with SIGKILL mid-copy that a power cycle shrugs off.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardTwinIT {
    private static KernelPackage kernel;

    @BeforeAll
    static void startTwin() throws Exception {
        DebianAssets assets = new DebianAssets(CacheDir.fromEnvironment(), "arm64", s -> { });
        kernel = KernelPackage.in(assets.tree("linux-image-arm64", true, false), "Debian");
        Kforge.run("board", "stop", "twin");
        Kforge start = Kforge.within(1800, Map.of(), "board", "start", "twin", "--fresh");
        assertThat(start.exitCode()).as(start.toString()).isZero();
        assertThat(start.out()).contains("twin running", "ssh      root@127.0.0.1:", "console  tcp 127.0.0.1:");
        awaitSsh();
    }

    @AfterAll
    static void stopTwin() throws Exception {
        Kforge.run("board", "stop", "twin");
        assertThat(Kforge.runningQemus()).as("no QEMU left behind").isZero();
    }

    private static Kforge ssh(String command) throws Exception {
        return Kforge.within(60, Map.of(), "ssh", "--board", "twin", command);
    }

    private static String awaitSsh() throws Exception {
        for (int i = 0; i < 60; i++) {
            Kforge r = ssh("uname -r");
            if (r.exitCode() == 0) return r.out().strip();
            Thread.sleep(5000);
        }
        throw new AssertionError("the twin never answered ssh");
    }

    private Kforge deploy(String... more) throws Exception {
        String[] args = new String[]{"deploy", "--board", "twin", "-q", "--kernel", kernel.image().toString(), "--modules",
            kernel.tree().toString()};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more)).toArray(String[]::new);
        return Kforge.within(1500, Map.of(), all);
    }

    @Test
    @Order(1)
    void debiansKernelBootsOnTrialAndIsPromoted() throws Exception {
        Kforge r = deploy();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("kernel:    " + kernel.release() + " (release read from the image)")
                .contains("BOOTED: ssh-ready: kforge's key logged in on root@127.0.0.1:")
                .contains("promoted: config.txt now boots " + kernel.release());
        assertThat(ssh("uname -r").out().strip()).isEqualTo(kernel.release());
        assertThat(ssh("tail -3 /boot/firmware/config.txt").out()).contains("cmdline=cmdline.txt");
    }

    @Test
    @Order(2)
    void aKernelThatCannotMountItsRootFallsBackAndConfigTxtStaysAsItWas() throws Exception {
        String before = ssh("sha256sum /boot/firmware/config.txt").out().split("\\s+")[0];
        Kforge r = deploy("--append", "root=/dev/sda");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED (no-root): no root device: /dev/sda does not exist")
                .contains("first bad line").contains("kforge-init: ALERT! /dev/sda does not exist")
                .contains("fell back to " + kernel.release())
                .contains("config.txt unchanged (sha256 " + before + ")");
        assertThat(ssh("sha256sum /boot/firmware/config.txt").out()).startsWith(before);
        assertThat(ssh("uname -r").out().strip()).isEqualTo(kernel.release());
        assertThat(ssh("cat /proc/cmdline").out()).doesNotContain("root=/dev/sda");
    }

    @Test
    @Order(3)
    void aDeployKilledMidCopyThenAPowerCycleBootsThePreviousKernel() throws Exception {
        String before = ssh("sha256sum /boot/firmware/config.txt").out().split("\\s+")[0];
        String cmdline = ssh("cat /proc/cmdline").out().strip();
        File err = File.createTempFile("kforge-deploy", ".err");
        Process p = Kforge.command("deploy", "--board", "twin", "--kernel", kernel.image().toString(), "--modules",
                kernel.tree().toString(), "--append", "kforge.test=killed").redirectError(err).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (int i = 0; i < 600 && !Files.readString(err.toPath()).contains("kernel8.img: "); i++) Thread.sleep(100);
            assertThat(Files.readString(err.toPath())).as("the copy had started").contains("kernel8.img: ");
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            p.waitFor(10, TimeUnit.SECONDS);
        }
        Kforge cycle = Kforge.run("power", "--board", "twin", "cycle");
        assertThat(cycle.exitCode()).as(cycle.toString()).isZero();
        Thread.sleep(10_000);
        assertThat(awaitSsh()).isEqualTo(kernel.release());
        assertThat(ssh("cat /proc/cmdline").out().strip()).isEqualTo(cmdline);
        assertThat(ssh("sha256sum /boot/firmware/config.txt").out()).startsWith(before);
        err.delete();
        assertThat(Files.readString(CacheDir.fromEnvironment().root().resolve("boards/twin/standin.log"), StandardCharsets.UTF_8))
                .contains("(reset): config.txt:");
    }
}
