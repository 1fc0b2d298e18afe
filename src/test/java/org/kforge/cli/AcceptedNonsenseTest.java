package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.pci.Snapshots;

/** Nonsense kforge used to accept (issue 16): each is now one line and exit 2, or said plainly. */
class AcceptedNonsenseTest {
    @TempDir
    Path tmp;

    private static void refused(CliRun r, String says) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("kforge: ").contains(says).doesNotContain("Exception");
    }

    @Test
    void pciWriteOfANegativeValue() throws Exception {
        String snap = Snapshots.unpack("twin-smmu", tmp).toString();
        refused(CliRun.of("pci", "write", "--sysfs", snap, "00:02.0", "f6.w=-1"), "invalid hex value \"-1\"");
        refused(CliRun.of("pci", "write", "--sysfs", snap, "00:02.0", "COMMAND=+6"), "invalid hex value");
        refused(CliRun.of("pci", "write", "--sysfs", snap, "00:02.0", "COMMAND=10000"), "wider than 2 byte");
    }

    @Test
    void pciIdsThatAreNotThere() throws Exception {
        String snap = Snapshots.unpack("twin-smmu", tmp).toString();
        refused(CliRun.of("pci", "list", "--sysfs", snap, "--ids", "/nosuch"), "--ids /nosuch: no such file");
    }

    @Test
    void bootDryRunChecksWhatItIsGiven() throws Exception {
        Path empty = Files.write(tmp.resolve("Image"), new byte[0]);
        refused(CliRun.of("boot", "--dry-run", "--kernel", empty.toString()), "is empty");
        Path tiny = Files.write(tmp.resolve("tiny"), new byte[] {1, 2, 3});
        refused(CliRun.of("boot", "--dry-run", "--kernel", tiny.toString()), "too few for a kernel image");
        Path kernel = org.kforge.qemu.FakeImages.arm64(tmp.resolve("Image64"));
        refused(CliRun.of("boot", "--dry-run", "--kernel", kernel.toString(), "--out", "/proc/x"), "is under /proc");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        refused(CliRun.of("boot", "--dry-run", "--kernel", kernel.toString(), "--out", file.toString()), "is a file, not a directory");
        Path cut = Files.write(tmp.resolve("cut.dtb"), new byte[] {(byte) 0xd0, 0x0d, (byte) 0xfe, (byte) 0xed, 0, 0, 0x10, 0});
        CliRun dtb = CliRun.of("boot", "--dry-run", "--kernel", kernel.toString(), "--dtb", cut.toString());
        assertThat(dtb.exitCode()).as(dtb.err()).isEqualTo(2);
        assertThat(dtb.err()).contains("cut.dtb");
    }

    @Test
    void aZeroSizeDmaWindowIsShownEmptyNotEndingAtTheTopOfMemory() {
        assertThat(new org.kforge.dt.DmaRange(0xc0000000L, 0, 0).toString()).contains("size 0: an empty window").doesNotContain("0xffffffffffffffff");
    }
}
