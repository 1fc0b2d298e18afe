package org.kforge.pci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.cli.CliRun;

/**
 * A capture is written by whoever controls the board: `kforge pci snapshot --from CAPTURE -o DIR` must never
 * write outside DIR, and on a bad entry must write nothing at all, name the entry and exit 2.
 */
class SnapshotTraversalTest {
    @TempDir
    Path tmp;

    private CliRun snapshot(String... records) throws IOException {
        StringBuilder capture = new StringBuilder("boot noise\nkfpci begin 1 6.1.0\n");
        for (String r : records) capture.append("kfpci ").append(r).append('\n');
        capture.append("kfpci end 1\n");
        Path from = Files.writeString(tmp.resolve("capture.log"), capture);
        return CliRun.of("pci", "snapshot", "--from", from.toString(), "-o", tmp.resolve("work/snap").toString());
    }

    /** Everything under tmp but the capture itself: what a run left behind. */
    private List<String> leftBehind() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.map(p -> tmp.relativize(p).toString()).filter(p -> !p.isEmpty() && !p.equals("capture.log")
                    && !p.equals("victim") && !p.equals("victim/file")).sorted().toList();
        }
    }

    private void refused(CliRun run, String entry) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElse("")).startsWith("kforge: ").contains("entry " + entry);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(leftBehind()).as("nothing written, no staging directory left").isEmpty();
        assertThat(Files.readString(tmp.resolve("victim/file"))).isEqualTo("precious");
    }

    private void victim() throws IOException {
        Files.createDirectories(tmp.resolve("victim"));
        Files.writeString(tmp.resolve("victim/file"), "precious");
    }

    @Test
    void theIssuesCaptureALinkOutThenAFileThroughIt() throws IOException {
        victim();
        refused(snapshot("L /esc ../../victim", "F /esc/file", "X 70 77 6e 65 64", "D /esc/made"), "esc");
    }

    @Test
    void aFileThroughALinkThatStaysInsideIsRefusedToo() throws IOException {
        victim();
        refused(snapshot("D /sys/a", "L /sys/b a", "F /sys/b/config", "X 00"), "sys/b/config");
    }

    @Test
    void dotDotAbsoluteAndNulNames() throws IOException {
        victim();
        refused(snapshot("F /sys/../../victim/file", "X 41"), "sys/../../victim/file holds '..'");
        refused(snapshot("F /" + tmp.resolve("victim/file"), "X 41"), tmp.resolve("victim/file") + " is an absolute path");
        refused(snapshot("L /sys/abs " + tmp.resolve("victim")), "sys/abs");
        refused(snapshot("D /sys/a\0b"), "sys/a^@b");
    }

    @Test
    void namesLongerThanTheFileSystemTakesAreRefusedNotAnInternalError() throws IOException {
        victim();
        // found by the fuzz test: 300 '(' in one component was a FileSystemException (File name too long)
        refused(snapshot("F /sys/" + "(".repeat(300), "X 41"), "sys/((((");
        refused(snapshot("D /" + "a/".repeat(1100)), "a/a/a/");
        refused(snapshot("L /sys/l " + "b/".repeat(1100)), "sys/l");
    }

    @Test
    void aLinkThatLeavesOnlyThroughAnotherLinkIsCaughtBeforeAnythingMoves() throws IOException {
        victim();
        // lexically x/y/a -> x/y/b/../.. is x; once b -> ../.. (the root), a leads above the root
        refused(snapshot("D /x/y", "L /x/y/a b/../..", "L /x/y/b ../.."), "x/y/a");
        // and the other order: b exists first, so a is refused at once
        refused(snapshot("D /x/y", "L /x/y/b ../..", "L /x/y/a b/.."), "x/y/a");
    }

    @Test
    void aLinkLoopIsRefused() throws IOException {
        victim();
        refused(snapshot("D /x", "L /x/a b", "L /x/b a", "L /x/c a/z"), "x/c");
    }

    @Test
    void aSoundCaptureLandsWholeWithItsInsideLinks() throws IOException {
        CliRun run = snapshot("D /sys/devices/pci0000:00/0000:00:01.0", "L /sys/bus/pci/devices/0000:00:01.0 ../../../devices/pci0000:00/0000:00:01.0",
                "F /sys/devices/pci0000:00/0000:00:01.0/vendor", "X 30 78 31 62 33 36 0a");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path link = tmp.resolve("work/snap/sys/bus/pci/devices/0000:00:01.0");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(link.resolve("vendor"))).isEqualTo("0x1b36\n");
        try (Stream<Path> s = Files.list(tmp.resolve("work"))) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("snap");
        }
    }

    @Test
    void anExistingNonEmptyDirectoryIsNotMixedInto() throws IOException {
        Files.createDirectories(tmp.resolve("work/snap"));
        Files.writeString(tmp.resolve("work/snap/mine"), "x");
        CliRun run = snapshot("D /sys");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not an empty directory");
        assertThat(Files.exists(tmp.resolve("work/snap/sys"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
