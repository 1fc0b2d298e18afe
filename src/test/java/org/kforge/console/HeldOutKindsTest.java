package org.kforge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The kinds of miss issue 17's third round fixed (from both held-out splits), each on the lines a
 * kernel or Xen prints for it, replayed through the doctor as a saved log: a Bluetooth controller that
 * stops answering, an indented quoted Xen log, Xen answering the bootloader's hand-over, Xen's own error
 * before its crash, an Oops on a running system and one that killed init, and a root device that appears.
 */
class HeldOutKindsTest {

    /** The log's diagnosis, checked for its outcome, whether the system is up, and its first bad line (0: none). */
    private static Diagnosis judged(String outcome, boolean booted, int firstBadLine, String... lines) throws IOException {
        byte[] log = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Diagnosis d = LogDoctor.examine(new ByteArrayInputStream(log), "test.log");
        Verdict v = d.verdict();
        assertThat(v.outcome()).isEqualTo(outcome);
        assertThat(v.booted()).isEqualTo(booted);
        if (firstBadLine == 0) assertThat(v.firstBadLine()).isNull();
        else assertThat(v.firstBadLine().number()).isEqualTo(firstBadLine);
        return d;
    }

    @Test
    void aBluetoothControllerThatStopsAnsweringIsADeadDeviceOnARunningSystem() throws IOException {
        Diagnosis d = judged("device-error", true, 3, "[   15.797659] Bluetooth: hci0: BCM: chip id 94",
                "[   16.605100] Bluetooth: hci0: BCM43430A1 (001.002.009) build 0493",
                "[   18.788514] Bluetooth: hci0: command 0x1002 tx timeout");
        assertThat(d.exitCode()).isZero();
        assertThat(d.exitCode(true)).isEqualTo(1);
    }

    @Test
    void aFailedBaudrateChangeTheControllerAnswersAfterIsANote() throws IOException {
        Diagnosis d = judged("boot-ok", true, 0, "[   17.973294] Bluetooth: hci0: command 0xfc18 tx timeout",
                "[   17.974620] Bluetooth: hci0: Failed to set baudrate", "[   19.520278] Bluetooth: hci0: BCM: chip id 130");
        assertThat(d.verdict().notes()).hasSize(2);
    }

    @Test
    void anIndentedQuotedXenPanicIsXens() throws IOException {
        Diagnosis d = judged("panic", false, 3, "  (XEN) *** Serial input to DOM0 (type 'CTRL-a' three times to switch input)",
                "  (XEN) ****************************************", "  (XEN) Panic on CPU 0:",
                "  (XEN) d1 has 2 outstanding heap allocations", "  (XEN) ****************************************");
        assertThat(d.verdict().layer()).startsWith("hypervisor");
        assertThat(d.verdict().title()).contains("d1 has 2 outstanding heap allocations");
    }

    @Test
    void xenSpeakingAfterTheBootloaderIsNotSilenceAndItsDeviceTreeErrorIsTheFirstBadLine() throws IOException {
        Diagnosis d = judged("panic", false, 4, "Starting kernel ...", "- UART enabled -", "- Boot CPU booting -",
                "(XEN) fdt: node `reserved-memory': parsing failed", "(XEN) Xen BUG at page_alloc.c:398",
                "(XEN) Panic on CPU 0:", "(XEN) Xen BUG at page_alloc.c:398");
        assertThat(d.verdict().layer()).startsWith("hypervisor");
    }

    @Test
    void anOopsOnARunningSystemIsBootedAndOneThatKilledInitIsAPanic() throws IOException {
        Diagnosis running = judged("oops", true, 1,
                "[   67.303470] Unable to handle kernel NULL pointer dereference at virtual address 00000000",
                "[   67.321446] Internal error: Oops: 17 [#1] ARM", "[   67.330000] Process modprobe (pid: 212, stack limit = 0xd6e30188)");
        assertThat(running.exitCode()).isZero();
        // the Oops is the cause, the line naming its task the symptom that makes it fatal
        judged("panic", false, 2, "[    1.231583] Unhandled fault at 0xffffff800a7da000",
                "[    1.231680] Internal error: ttbr address size fault: 96000000 [#1] PREEMPT SMP",
                "[    1.231695] Process swapper/0 (pid: 1, stack limit = 0x(____ptrval____))");
    }

    @Test
    void theRootDiskScannedForPartitionsEndsTheWaitForIt() throws IOException {
        Diagnosis d = judged("boot-ok", true, 0, "[    1.261911] Waiting for root device /dev/mmcblk0p2...",
                "[    1.716980] mmc0: new high speed SDHC card at address 59b4", "[    1.717629] mmcblk0: mmc0:59b4 00000 3.67 GiB",
                "[    1.719247]  mmcblk0: p1 p2");
        assertThat(d.verdict().notes()).singleElement()
                .satisfies(n -> assertThat(n.title()).endsWith("waiting for /dev/mmcblk0p2"));
    }
}
