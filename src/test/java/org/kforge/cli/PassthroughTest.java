package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.pci.Bdf;
import org.kforge.pci.SysfsSnapshot;
import org.kforge.pci.VfioCheck;

/** boot --passthrough follows kforge vfio check on this host: the device is added only when it is ready. */
class PassthroughTest {
    @TempDir
    Path tmp;

    @Test
    void theDeviceIsAddedOnlyWhenVfioCheckPasses() throws IOException {
        SysfsSnapshot host = SysfsSnapshot.live();
        Bdf first = host.devices().get(0).bdf();
        boolean ready = VfioCheck.run(host, first).ready();
        Path kernel = org.kforge.qemu.FakeImages.arm64(tmp.resolve("Image"));
        CliRun run = CliRun.of("boot", "--dry-run", "--no-initrd", "--kernel", kernel.toString(), "--passthrough", first.toString());
        if (ready) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("vfio-pci,host=" + first);
        } else {
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("NOT READY").contains("fail").contains("--passthrough " + first)
                    .doesNotContain("Exception");
            assertThat(run.out()).doesNotContain("vfio-pci");
        }
    }

    @Test
    void aMalformedAddressIsBadInput() {
        CliRun run = CliRun.of("boot", "--dry-run", "--passthrough", "01:00");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("malformed PCI address");
    }
}
