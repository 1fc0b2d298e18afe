package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kforge test kunit's bad input (one line naming the fix, exit 2, nothing built) and its plan. */
class TestKunitCommandTest {
    @TempDir
    Path dir;

    private static void usage(CliRun r, String says) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(says).doesNotContain("\tat org.kforge");
    }

    /** Enough of a kernel tree for kforge to take it as one (no make runs in these tests). */
    private Path tree() throws Exception {
        Files.writeString(dir.resolve("Makefile"), "");
        Files.writeString(dir.resolve("Kconfig"), "");
        Files.createDirectories(dir.resolve("arch/arm64"));
        return dir;
    }

    @Test
    void notAKernelTree() {
        usage(CliRun.of("test", "kunit", "--kernel-tree", dir.toString(), "--dry-run"), "is not a Linux source tree");
    }

    @Test
    void aKernelOrUserspaceOfItsOwnIsRefused() throws Exception {
        String t = tree().toString();
        usage(CliRun.of("test", "kunit", "--kernel-tree", t, "--kernel", "Image"), "boots the one it builds");
        usage(CliRun.of("test", "kunit", "--kernel-tree", t, "--rootfs", "debian"), "KUnit runs at boot, before userspace");
        usage(CliRun.of("test", "kunit", "--kernel-tree", t, "--exec", "true"), "KUnit runs at boot, before userspace");
        usage(CliRun.of("test", "kunit", "--kernel-tree", t, "-j", "0"), "-j 0: at least 1");
    }

    @Test
    void aFilterIsOneWordOfTheCommandLine() throws Exception {
        usage(CliRun.of("test", "kunit", "--kernel-tree", tree().toString(), "--filter", "example list"), "one glob, no space or quote");
        usage(CliRun.of("test", "kunit", "--kernel-tree", tree().toString(), "--filter", ""), "one glob, no space or quote");
    }

    @Test
    void aMissingFragmentIsNamed() throws Exception {
        usage(CliRun.of("test", "kunit", "--kernel-tree", tree().toString(), "--config", "no-such-fragment", "--dry-run"),
                "no fragment no-such-fragment");
    }

    @Test
    void theDryRunShowsConfigMakeAndQemuAndBuildsNothing() throws Exception {
        Path t = tree();
        CliRun r = CliRun.of("test", "kunit", "--kernel-tree", t.toString(), "--filter", "list-kunit-test", "--append", "quiet", "--dry-run");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("config:   tinyconfig + qemu-virt-arm64 + kunit", "CONFIG_KUNIT=y   (kforge:kunit.config)",
                "CONFIG_LIST_KUNIT_TEST=y", "O=", " olddefconfig",
                "'KBUILD_BUILD_TIMESTAMP=Thu Jan  1 00:00:00 UTC 1970' KBUILD_BUILD_USER=kforge KBUILD_BUILD_HOST=kforge KBUILD_BUILD_VERSION=1 -j2 Image",
                "no initramfs",
                "cmdline:  console=ttyAMA0 panic=-1 cryptomgr.notests kunit.filter_glob=list-kunit-test kunit_shutdown=poweroff quiet",
                "qemu:     qemu-system-aarch64 ", "-kernel ", "arch/arm64/boot/Image");
        assertThat(r.out()).doesNotContain("-initrd");
        assertThat(t.resolve(".config")).doesNotExist();
        CliRun json = CliRun.of("--json", "test", "kunit", "--kernel-tree", t.toString(), "--dry-run");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"make_argv\"", "\"qemu_argv\"", "\"cmdline\" : \"console=ttyAMA0 panic=-1 cryptomgr.notests kunit_shutdown=poweroff\"");
    }
}
