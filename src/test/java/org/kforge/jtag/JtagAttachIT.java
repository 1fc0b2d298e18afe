package org.kforge.jtag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.it.Kforge;

/**
 * {@code kforge jtag attach} as a user runs it (the built jar), with Debian's openocd and the fake
 * chip on remote_bitbang: kforge debug over OpenOCD's own gdb server, and no openocd left after
 * Ctrl-C, SIGTERM or a failed attach.
 */
class JtagAttachIT {
    private static final Pattern OPENOCD_PID = Pattern.compile("openocd pid (\\d+)");

    @TempDir
    Path tmp;
    private Process attach;

    @AfterEach
    void nothingLeft() throws Exception {
        if (attach != null && attach.isAlive()) {
            attach.destroyForcibly();
            attach.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(Kforge.running("openocd")).as("openocd left running").isZero();
    }

    /** Starts attach and waits for its "attached:" line; returns openocd's pid. */
    private long startAttach(Path board, Path run) throws Exception {
        attach = Kforge.command("jtag", "--board-file", board.toString(), "attach", "--out", run.toString())
                .redirectOutput(tmp.resolve("attach.out").toFile()).redirectError(tmp.resolve("attach.err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && attach.isAlive() && !Files.readString(tmp.resolve("attach.out")).contains("Ctrl-C")) {
            Thread.sleep(100);
        }
        String out = Files.readString(tmp.resolve("attach.out"));
        assertThat(out).as(out + Files.readString(tmp.resolve("attach.err"))).contains("Ctrl-C stops openocd.");
        Matcher m = OPENOCD_PID.matcher(out);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void kforgeDebugWorksOverOpenocdsGdbServerAndCtrlCStopsOpenocd() throws Exception {
        try (FakeJtagChip chip = FakeJtagChip.answering(FakeJtagChip.BCM2711_DAP)) {
            Path board = OpenOcds.boardFile(tmp, chip.port(), "target/bcm2711.cfg");
            Path run = tmp.resolve("run");
            long openocd = startAttach(board, run);
            String out = Files.readString(tmp.resolve("attach.out"));
            int gdbPort = Integer.parseInt(Files.readString(board).replaceAll("(?s).*gdb: (\\d+).*", "$1"));
            assertThat(out).contains("gdb server 127.0.0.1:" + gdbPort + " (bcm2711.cpu0, bcm2711.cpu1, bcm2711.cpu2, bcm2711.cpu3 as gdb threads 1-4)")
                    .contains("gdb-multiarch -q -ex 'set architecture aarch64' -ex 'target extended-remote 127.0.0.1:" + gdbPort + "'");
            assertThat(Files.readString(tmp.resolve("attach.err"))).contains("kforge: openocd -c 'bindto 127.0.0.1'");

            // the same kforge debug as on the twin, now through OpenOCD's RSP server; the fake's memory and registers read 0
            Kforge regs = Kforge.run("debug", "regs", "--run", run.toString());
            assertThat(regs.exitCode()).as(regs.toString()).isZero();
            assertThat(regs.out()).contains("pc    0x0");
            Kforge mem = Kforge.run("debug", "mem", "0x80000", "16", "--run", run.toString());
            assertThat(mem.exitCode()).as(mem.toString()).isZero();
            assertThat(mem.out()).startsWith("0000000000080000: 0000 0000 0000 0000 0000 0000 0000 0000");
            Kforge gdb = Kforge.run("gdb", "--print", run.toString());
            assertThat(gdb.out()).contains("target remote 127.0.0.1:" + gdbPort);

            new ProcessBuilder("kill", "-INT", Long.toString(attach.pid())).start().waitFor();
            assertThat(attach.waitFor(20, TimeUnit.SECONDS)).as("kforge ends on Ctrl-C").isTrue();
            assertThat(ProcessHandle.of(openocd).map(ProcessHandle::isAlive).orElse(false)).as("openocd stopped with kforge").isFalse();
        }
    }

    @Test
    void sigtermStopsOpenocdToo() throws Exception {
        killedKforgeTakesOpenocdAlong(false);
    }

    @Test
    void evenSigkillOfKforgeTakesOpenocdAlong() throws Exception {
        killedKforgeTakesOpenocdAlong(true);
    }

    /** SIGTERM runs kforge's shutdown hook; SIGKILL runs nothing, and openocd's parent-death signal stops it. */
    private void killedKforgeTakesOpenocdAlong(boolean sigkill) throws Exception {
        try (FakeJtagChip chip = FakeJtagChip.answering(FakeJtagChip.BCM2711_DAP)) {
            long openocd = startAttach(OpenOcds.boardFile(tmp, chip.port(), "target/bcm2711.cfg"), tmp.resolve("run"));
            if (sigkill) attach.destroyForcibly(); else attach.destroy();
            assertThat(attach.waitFor(20, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ProcessHandle.of(openocd).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(ProcessHandle.of(openocd).map(ProcessHandle::isAlive).orElse(false)).as("openocd outlived kforge").isFalse();
        }
    }

    @Test
    void aChainWithoutCoresFailsAndLeavesNoOpenocd() throws Exception {
        try (FakeJtagChip chip = FakeJtagChip.answering(FakeJtagChip.BCM2711_DAP)) {
            Kforge k = Kforge.run("jtag", "--board-file", OpenOcds.boardFile(tmp, chip.port(), OpenOcds.TAP_ONLY).toString(),
                    "attach", "--out", tmp.resolve("run").toString());
            assertThat(k.exitCode()).as(k.toString()).isEqualTo(1);
            assertThat(k.err()).contains("openocd has no bcm2711.cpuN core on this chain").doesNotContain("Exception");
        }
    }

    @Test
    void aDapThatDoesNotAnswerFailsAndLeavesNoOpenocd() throws Exception {
        try (FakeJtagChip chip = FakeJtagChip.idcodeOnly(FakeJtagChip.BCM2711_DAP)) {
            Kforge k = Kforge.run("jtag", "--board-file", OpenOcds.boardFile(tmp, chip.port(), "target/bcm2711.cfg").toString(),
                    "attach", "--out", tmp.resolve("run").toString());
            assertThat(k.exitCode()).as(k.toString()).isEqualTo(1);
            assertThat(k.err()).contains("openocd exited after the scan: Error: Invalid ACK").contains("try a lower speed_khz");
        }
    }

    @Test
    void noAdapterIsExit3() throws Exception {
        Kforge k = Kforge.run("jtag", "--board-file", OpenOcds.boardFile(tmp, OpenOcds.freePort(), "target/bcm2711.cfg").toString(),
                "attach", "--out", tmp.resolve("run").toString());
        assertThat(k.exitCode()).as(k.toString()).isEqualTo(3);
        assertThat(k.err()).contains("no adapter: nothing listens for remote_bitbang");
    }
}
