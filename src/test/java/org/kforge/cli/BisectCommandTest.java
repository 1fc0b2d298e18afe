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
}
