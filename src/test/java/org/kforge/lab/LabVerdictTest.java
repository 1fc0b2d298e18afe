package org.kforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.cli.CliRun;

/**
 * LAVA's log records (as lava-run writes them and a server's /logs/ returns them) into a console, and the console
 * with LAVA's result into one verdict: the lab's failures apart from the kernel's.
 */
class LabVerdictTest {
    @TempDir
    Path tmp;

    private static final List<String> NO_ROOT = List.of(
            "- {\"dt\": \"2026-12-03T12:26:00.1\", \"lvl\": \"info\", \"msg\": \"start: 2 boot-image-retry (timeout 00:02:00) [common]\"}",
            "- {\"dt\": \"2026-12-03T12:26:00.2\", \"lvl\": \"results\", \"msg\": {\"case\": \"execute-qemu\", \"definition\": \"lava\", \"result\": \"pass\"}}",
            "- {\"dt\": \"2026-12-03T12:26:01.0\", \"lvl\": \"target\", \"msg\": \"[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd083]\"}",
            "- {\"dt\": \"2026-12-03T12:26:01.1\", \"lvl\": \"target\", \"msg\": \"[    0.000000] Linux version 6.1.0-57-arm64 (debian-kernel@lists.debian.org) #1 SMP Debian 6.1.192-3\"}",
            "- {\"dt\": \"2026-12-03T12:26:03.0\", \"lvl\": \"target\", \"msg\": \"[    5.065855] Run /init as init process\"}",
            "- {\"dt\": \"2026-12-03T12:26:04.7\", \"lvl\": \"target\", \"msg\": \"kforge-init: waiting up to 5 s for root device /dev/sda\"}",
            "- {\"dt\": \"2026-12-03T12:26:11.3\", \"lvl\": \"target\", \"msg\": \"kforge-init: ALERT! /dev/sda does not exist. Block devices present: \"}",
            "- {\"dt\": \"2026-12-03T12:26:11.4\", \"lvl\": \"target\", \"msg\": \"[   13.532898] reboot: Power down\"}",
            "- {\"dt\": \"2026-12-03T12:26:11.5\", \"lvl\": \"exception\", \"msg\": \"Connection closed\"}");

    private static LavaLog log(List<String> lines) {
        LavaLog log = new LavaLog();
        lines.forEach(log::accept);
        return log;
    }

    @Test
    void aKernelWithoutItsRootIsTheKernelsFailureWhateverLavaCallsIt() throws Exception {
        LavaLog log = log(NO_ROOT);
        assertThat(log.console()).hasSize(6).first().asString().startsWith("[    0.000000] Booting Linux");
        LabVerdict v = LabJudge.judge(log, new LavaResult("fail", "Infrastructure", "Connection closed"), tmp);
        assertThat(v.kind()).isEqualTo(LabVerdict.Kind.TARGET_FAILED);
        assertThat(v.exitCode(false)).isEqualTo(1);
        assertThat(v.kforge().verdict().outcome()).isEqualTo("no-root");
        assertThat(org.kforge.report.LabVerdictReport.text(v)).contains("FAILED (no-root)", "LAVA:   fail (Infrastructure: Connection closed)", "LAVA calls it Infrastructure");
        assertThat(org.kforge.report.LabVerdictReport.json(v)).contains("\"kind\" : \"target-failed\"", "\"error_type\" : \"Infrastructure\"");
    }

    @Test
    void aFailureBeforeTheDeviceStartedIsTheLabs() throws Exception {
        LavaLog log = log(List.of("{\"dt\": \"x\", \"lvl\": \"error\", \"msg\": \"Unable to download file:///nosuch/Image\"}",
                "Traceback (most recent call last):"));
        assertThat(log.deviceStarted()).isFalse();
        assertThat(log.other()).containsExactly("Traceback (most recent call last):");
        LabVerdict v = LabJudge.judge(log, new LavaResult("fail", "Infrastructure", "Unable to download"), tmp);
        assertThat(v.kind()).isEqualTo(LabVerdict.Kind.INFRASTRUCTURE);
        assertThat(v.exitCode(false)).isEqualTo(3);
        assertThat(org.kforge.report.LabVerdictReport.text(v)).contains("INFRASTRUCTURE: LAVA failed before the device started");
    }

    @Test
    void aMissingResultFileIsAFailureWithoutAType() {
        LavaResult r = LavaResult.read(tmp);
        assertThat(r.passed()).isFalse();
        assertThat(r.line()).isEqualTo("fail (lava-run wrote no result.yaml)");
    }

    @Test
    void aFileThatIsNoLavaJobIsRefusedInOneLine() throws Exception {
        Path notJob = Files.writeString(tmp.resolve("job.yaml"), "profile: qemu-virt-arm64\n");
        CliRun run = CliRun.of("lab", "run", notJob.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a LAVA job").doesNotContain("Exception");
    }

    @Test
    void aBoardsJobIsNotRunHere() {
        CliRun run = CliRun.of("lab", "run", "src/test/resources/golden/lab-job.rpi4.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bcm2711-rpi-4-b job needs the board in a LAVA lab");
    }

    @Test
    void aXenProfileAndABoardWithoutInitramfsAreRefused() throws Exception {
        CliRun xen = CliRun.of("lab", "job", "--profile", "qemu-virt-arm64-xen", "--kernel", org.kforge.qemu.FakeImages.arm64(tmp.resolve("I")).toString(),
                "--xen", org.kforge.qemu.FakeImages.arm64(tmp.resolve("X")).toString(), "--no-initrd", "--out", tmp.resolve("r").toString());
        assertThat(xen.exitCode()).as(xen.err()).isEqualTo(2);
        assertThat(xen.err()).contains("LAVA's qemu device type boots one kernel");
        CliRun pi = CliRun.of("lab", "job", "--board", "rpi4", "--no-initrd", "--kernel", org.kforge.qemu.FakeImages.arm64(tmp.resolve("K")).toString(),
                "--out", tmp.resolve("r2").toString());
        assertThat(pi.exitCode()).as(pi.err()).isEqualTo(2);
        assertThat(pi.err()).containsAnyOf("needs an initramfs", "brings none");
    }
}
