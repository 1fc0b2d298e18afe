package org.kforge.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kforge.KforgeException;

/** --kernel is read before QEMU starts: what QEMU 7.2 boots passes, anything else is named. */
class KernelFormatTest {
    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    @Test
    void arm64ImagePlainAndGzipped() throws IOException {
        assertThat(KernelFormat.check(write("Image", FakeImages.arm64Header()), "--kernel")).isEqualTo(KernelFormat.ARM64_IMAGE);
        assertThat(KernelFormat.check(write("Image.gz", FakeImages.gzip(FakeImages.arm64Header())), "--kernel"))
                .isEqualTo(KernelFormat.ARM64_IMAGE_GZ);
    }

    @ParameterizedTest
    @CsvSource({
            "random, not a kernel image",
            "gzip-random, a gzip file that holds something other than an arm64 Image",
            "gzip-gzip, a gzip file inside a gzip file",
            "bzImage, an x86 bzImage",
            "gzip-bzImage, a gzip file that holds an x86 bzImage",
            "zImage, a 32-bit ARM zImage",
            "vmlinux, an ELF file (arm64), such as vmlinux",
            "x86-elf, an ELF file (x86-64)",
            "zboot, an EFI zboot image (vmlinuz.efi, its kernel compressed with zstd)",
            "empty, the file is empty",
            "truncated-gzip, a gzip file whose stream is damaged",
    })
    void refusedWithWhatItIs(String kind, String expected) throws IOException {
        byte[] bytes = switch (kind) {
            case "random" -> random(4096);
            case "gzip-random" -> FakeImages.gzip(random(4096));
            case "gzip-gzip" -> FakeImages.gzip(FakeImages.gzip(FakeImages.arm64Header()));
            case "bzImage" -> FakeImages.bzImage();
            case "gzip-bzImage" -> FakeImages.gzip(FakeImages.bzImage());
            case "zImage" -> FakeImages.zImage();
            case "vmlinux" -> FakeImages.elf(183);
            case "x86-elf" -> FakeImages.elf(62);
            case "zboot" -> FakeImages.zboot("zstd");
            case "empty" -> new byte[0];
            case "truncated-gzip" -> java.util.Arrays.copyOf(FakeImages.gzip(random(100_000)), 50);
            default -> throw new IllegalArgumentException(kind);
        };
        Path file = write(kind, bytes);
        assertThatThrownBy(() -> KernelFormat.check(file, "--kernel"))
                .isInstanceOfSatisfying(KforgeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("--kernel " + file + ": ").contains(expected);
                    assertThat(e.hint()).contains("arch/arm64/boot/Image");
                });
    }
}
