package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one line (and a fix), exit 2, never a stack trace. */
class BadInputTest {
    @TempDir
    Path tmp;

    private static void assertOneLineError(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("kforge: ").contains(expected)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines().count()).isLessThanOrEqualTo(2);
    }

    @Test
    void unknownProfile() {
        assertOneLineError(CliRun.of("boot", "--profile", "foo", "--dry-run"), "Available: qemu-virt-arm64");
    }

    @Test
    void missingKernel() {
        assertOneLineError(CliRun.of("boot", "--kernel", tmp.resolve("nope").toString(), "--dry-run"), "no such file");
    }

    @Test
    void corruptInitrd() throws IOException {
        Path k = org.kforge.qemu.FakeImages.arm64(tmp.resolve("Image"));
        Path bad = Files.writeString(tmp.resolve("initrd"), "\u001B[31mgarbage\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("boot", "--kernel", k.toString(), "--initrd", bad.toString(), "--dry-run");
        assertOneLineError(run, "not a valid initramfs");
        assertThat(run.err()).doesNotContain("\u001B");
    }

    /** Random bytes, a gzip of random bytes and an x86 bzImage: one line naming the file, exit 2, well under a second. */
    @Test
    void notAKernelIsNamedBeforeQemuStarts() throws IOException {
        byte[] random = new byte[1 << 20];
        new java.util.Random(7).nextBytes(random);
        for (var c : java.util.Map.of("random.bin", random, "random.bin.gz", org.kforge.qemu.FakeImages.gzip(random),
                "bzImage", org.kforge.qemu.FakeImages.bzImage()).entrySet()) {
            Path k = Files.write(tmp.resolve(c.getKey()), c.getValue());
            long t0 = System.nanoTime();
            CliRun run = CliRun.of("boot", "--kernel", k.toString(), "--out", tmp.resolve("run-" + c.getKey()).toString());
            assertOneLineError(run, "--kernel " + k);
            assertThat(run.err()).contains("fix: ").contains("arch/arm64/boot/Image");
            assertThat((System.nanoTime() - t0) / 1e9).as(c.getKey()).isLessThan(1.0);
        }
    }

    @Test
    void unknownOption() {
        CliRun run = CliRun.of("boot", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--frobnicate");
    }

    @Test
    void badAccel() {
        assertOneLineError(CliRun.of("boot", "--accel", "hvf", "--dry-run"), "expected auto, kvm or tcg");
    }
}
