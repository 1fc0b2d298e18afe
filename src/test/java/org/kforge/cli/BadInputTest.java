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
        Path k = Files.write(tmp.resolve("Image"), new byte[64]);
        Path bad = Files.writeString(tmp.resolve("initrd"), "\u001B[31mgarbage\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("boot", "--kernel", k.toString(), "--initrd", bad.toString(), "--dry-run");
        assertOneLineError(run, "not a valid initramfs");
        assertThat(run.err()).doesNotContain("\u001B");
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
