package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kforge bisect's bad input: one line naming the fix, exit 2, nothing started. */
class BisectCommandTest {
    @TempDir
    Path dir;

    private static void usage(CliRun r, String says) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(says).doesNotContain("\tat org.kforge");
    }

    @Test
    void theEndsAndTheTreeAreNeeded() {
        usage(CliRun.of("bisect", "--good", "v6.1"), "needs --tree, --good and --bad");
    }

    @Test
    void aKernelOfItsOwnIsRefused() {
        usage(CliRun.of("bisect", "--tree", dir.toString(), "--good", "a", "--bad", "b", "--kernel", "Image"), "boots the one each step builds");
        usage(CliRun.of("bisect", "--tree", dir.toString(), "--good", "a", "--bad", "b", "--rootfs", "debian"), "--rootfs, --run, --gdb");
        usage(CliRun.of("bisect", "--tree", dir.toString(), "--good", "a", "--bad", "b", "--repeat", "0"), "--repeat 0: at least 1");
    }

    @Test
    void aTreeThatIsNotGitIsRefused() throws Exception {
        Files.writeString(dir.resolve("Makefile"), "");
        usage(CliRun.of("bisect", "--tree", dir.toString(), "--good", "a", "--bad", "b", "--dry-run"), "is not a git work tree");
        usage(CliRun.of("bisect", "--tree", dir.resolve("nope").toString(), "--good", "a", "--bad", "b"), "is not a directory");
    }

    @Test
    void aJunitFileThatCannotBeWrittenIsRefusedBeforeAnything() {
        usage(CliRun.of("bisect", "--tree", dir.toString(), "--good", "a", "--bad", "b", "--dry-run",
                "--junit", dir.resolve("no-such-dir/bisect.xml").toString()), "--junit");
    }

    /** A two-commit git tree with what kforge checks of a kernel tree (Makefile, Kconfig, arch/arm64). */
    private void twoCommits() throws Exception {
        Files.writeString(dir.resolve("Makefile"), "");
        Files.writeString(dir.resolve("Kconfig"), "");
        Files.createDirectories(dir.resolve("arch/arm64"));
        git("init", "-q", "-b", "main");
        git("add", "-A");
        git("commit", "-q", "-m", "c0");
        Files.writeString(dir.resolve("Kconfig"), "# c1\n");
        git("commit", "-q", "-am", "c1");
    }

    @Test
    void onABoardTheTwinsProfileAndAnUnknownBoardAreRefused() throws Exception {
        twoCommits();
        usage(CliRun.of("bisect", "--tree", dir.toString(), "--good", "HEAD~1", "--bad", "HEAD", "--board", "twin", "--profile", "qemu-virt-arm64"),
                "with --board the steps' kernels boot on the board");
        usage(CliRun.of("bisect", "--tree", dir.toString(), "--good", "HEAD~1", "--bad", "HEAD", "--board", "no-such-board", "--dry-run"),
                "no-such-board");
    }

    @Test
    void onABoardTheDryRunShowsTheTrialAndTheModulesAndDtbsEachStepBuilds() throws Exception {
        twoCommits();
        CliRun r = CliRun.of("bisect", "--tree", dir.toString(), "--good", "HEAD~1", "--bad", "HEAD", "--base", "tinyconfig",
                "-O", dir.resolve("out").toString(), "--board", "rpi4", "--dry-run");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("KBUILD_BUILD_VERSION=1 -j2 Image modules dtbs",
                "boot:     board rpi4 (as kforge deploy --kernel-tree " + dir.resolve("out") + ", never promoted), 1 boot a step",
                "each a trial: /boot/firmware/tryboot.txt read once (reboot '0 tryboot'), then back to config.txt's kernel and the slot removed;"
                        + " config.txt is never written");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void theDryRunShowsTheMakeLineAStepRunsWithItsReproducibleVariablesAndChangesNothing() throws Exception {
        twoCommits();
        String head = git("rev-parse", "HEAD");
        CliRun r = CliRun.of("bisect", "--tree", dir.toString(), "--good", "HEAD~1", "--bad", "HEAD", "--base", "tinyconfig",
                "-O", dir.resolve("out").toString(), "--dry-run");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("commits:  1 between them: about 0 steps, after both ends", "config:   tinyconfig, then make olddefconfig",
                "build:    make -s -C " + dir, " O=" + dir.resolve("out"),
                "'KBUILD_BUILD_TIMESTAMP=Thu Jan  1 00:00:00 UTC 1970' KBUILD_BUILD_USER=kforge KBUILD_BUILD_HOST=kforge KBUILD_BUILD_VERSION=1 -j2 Image");
        assertThat(git("rev-parse", "HEAD")).isEqualTo(head);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private String git(String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("git", "-C", dir.toString(), "-c", "user.name=t", "-c", "user.email=t@t"));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.strip();
    }
}
