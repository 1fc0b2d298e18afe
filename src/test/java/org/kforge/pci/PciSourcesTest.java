package org.kforge.pci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.cli.CliRun;

/** Good input kforge used to refuse: a sysfs tree under any name, a device directory without resource. */
class PciSourcesTest {
    @TempDir
    Path tmp;

    @Test
    void aSysfsTreeUnderAnyName() throws Exception {
        Path snap = Snapshots.unpack("twin-smmu", tmp);
        Path elsewhere = Files.move(snap.resolve("sys"), tmp.resolve("board-sysfs"));
        CliRun moved = CliRun.of("pci", "show", "--sysfs", elsewhere.toString(), "00:02.0");
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("[1033:0194]").contains("Kernel driver in use: xhci_hcd").contains("IOMMU group: 0");
        CliRun vfio = CliRun.of("vfio", "check", "--sysfs", elsewhere.toString(), "00:02.0");
        assertThat(vfio.out()).startsWith("READY");
    }

    @Test
    void aDeviceWithoutResourceIsDecodedFromConfigAlone() throws Exception {
        Path snap = Snapshots.unpack("twin-smmu", tmp);
        Files.delete(snap.resolve("sys/bus/pci/devices/0000:00:02.0/resource"));
        CliRun show = CliRun.of("pci", "show", "--sysfs", snap.toString(), "00:02.0");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("Region 0: Memory at").doesNotContain("[size=").contains("BAR sizes: unknown (no resource file)")
                .contains("Kernel driver in use: xhci_hcd");
    }
}
