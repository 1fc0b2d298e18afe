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

    /**
     * kforge bisect --board: every step a trial that leaves the board as it was. The tree stands in for a kernel tree
     * (its Makefile "builds" the Image committed in it, and installs Debian's modules): the kernel source is not what
     * this test is about (BisectIT builds real source), the board path is. c0 commits Debian's kernel, c1 the same
     * kernel with its first instruction turned into a branch to itself (it hangs before its first line), c2 is harmless.
     */
    @Test
    @Order(4)
    void aBisectionOnTheBoardFindsTheKernelThatHangsAndLeavesTheBoardAsItWas() throws Exception {
        String config = ssh("sha256sum /boot/firmware/config.txt").out().split("\\s+")[0];
        String slots = ssh("ls -d /boot/firmware/kforge-*").out();
        String cmdline = ssh("cat /proc/cmdline").out().strip();
        java.nio.file.Path work = Files.createTempDirectory("kforge-board-bisect");
        java.nio.file.Path tree = work.resolve("tree");
        Files.createDirectories(tree.resolve("arch/arm64"));
        Files.writeString(tree.resolve("Kconfig"), "# a stand-in for a kernel tree\n");
        Files.writeString(tree.resolve("Makefile"), String.join("\n",
                "# a stand-in for a kernel tree: the Image is the one committed here; the modules are Debian's",
                "O ?= .",
                ".PHONY: olddefconfig modules dtbs Image modules_install",
                "olddefconfig modules dtbs:",
                "\t@true",
                "Image:",
                "\tmkdir -p $(O)/arch/arm64/boot $(O)/include/config",
                "\tcp $(CURDIR)/Image $(O)/arch/arm64/boot/Image",
                "\techo " + kernel.release() + " > $(O)/include/config/kernel.release",
                "modules_install:",
                "\tmkdir -p $(INSTALL_MOD_PATH)/lib/modules",
                "\tcp -a " + kernel.modulesDir() + " $(INSTALL_MOD_PATH)/lib/modules/",
                ""));
        java.nio.file.Path base = work.resolve("base.config");
        Files.writeString(base, "CONFIG_MODULES=y\n");
        Files.copy(kernel.image(), tree.resolve("Image"));
        git(tree, "init", "-q", "-b", "main");
        git(tree, "add", "-A");
        git(tree, "commit", "-q", "-m", "c0: Debian's kernel");
        byte[] image = Files.readAllBytes(kernel.image()); // Debian 12's arm64 vmlinuz is the Image itself (EFI stub)
        if ((image[0] & 0xff) == 0x1f && (image[1] & 0xff) == 0x8b) {
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(image))) {
                image = in.readAllBytes();
            }
        }
        image[0] = 0x00; // b . (0x14000000, little-endian): the kernel spins at its first instruction
        image[1] = 0x00;
        image[2] = 0x00;
        image[3] = 0x14;
        Files.write(tree.resolve("Image"), image);
        git(tree, "commit", "-q", "-am", "c1: the first instruction branches to itself");
        Files.writeString(tree.resolve("README"), "harmless\n");
        git(tree, "add", "README");
        git(tree, "commit", "-q", "-m", "c2: a README");
        String c1 = git(tree, "rev-parse", "HEAD~1");

        Kforge r = Kforge.within(1800, Map.of(), "bisect", "--board", "twin", "--tree", tree.toString(), "--good", "HEAD~2", "--bad", "HEAD",
                "--base", base.toString(), "-O", work.resolve("build").toString(), "--silence-timeout", "30");
        System.err.printf("BoardTwinIT: the bisection on the board took %.0f s%n%s%n", r.seconds(), r.err());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).containsPattern("bad end +[0-9a-f]{12}  build +\\d+ s  bad: no-console in 1 of 1 boots")
                .containsPattern("good end +[0-9a-f]{12}  build +\\d+ s  good: booted 1 of 1")
                .contains("good trial; back to config.txt's kernel: reboot", "power cycle: ");
        assertThat(r.out()).contains("FIRST BAD COMMIT: " + c1, "c1: the first instruction branches to itself", "files:   Image");
        assertThat(ssh("sha256sum /boot/firmware/config.txt").out()).as("config.txt never written").startsWith(config);
        assertThat(ssh("ls -d /boot/firmware/kforge-*").out()).as("the trials' slots removed").isEqualTo(slots);
        assertThat(ssh("uname -r").out().strip()).isEqualTo(kernel.release());
        assertThat(ssh("cat /proc/cmdline").out().strip()).as("back on config.txt's kernel").isEqualTo(cmdline);
        assertThat(git(tree, "symbolic-ref", "HEAD")).isEqualTo("refs/heads/main");
        assertThat(Kforge.runningQemus()).as("only the twin's QEMU").isEqualTo(1);
    }

    private static String git(java.nio.file.Path tree, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("git", "-C", tree.toString(), "-c", "user.name=Kforge Test",
                "-c", "user.email=kforge@example.org"));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.strip();
    }
}
