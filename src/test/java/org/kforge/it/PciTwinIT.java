package org.kforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The twin with NEC's xHCI: the collector runs in the guest's busybox and the snapshot comes back through the console. */
class PciTwinIT {
    @TempDir
    Path tmp;

    @AfterEach
    void noQemuLeftBehind() throws Exception {
        assertThat(Kforge.runningQemus()).as("QEMU processes left running").isZero();
    }

    private Path boot(String name, String... extra) throws Exception {
        Kforge collector = Kforge.run("pci", "snapshot", "--print-collector");
        Path run = tmp.resolve(name);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("boot", "-q", "--out", run.toString(),
                "--device", "nec-usb-xhci", "--exec", "dmesg -n 1; " + collector.out()));
        args.addAll(java.util.List.of(extra));
        Kforge b = Kforge.run(args.toArray(String[]::new));
        assertThat(b.exitCode()).as(b.toString()).isZero();
        Path snap = tmp.resolve(name + "-snap");
        Kforge s = Kforge.run("pci", "snapshot", "--from", run.resolve("console.log").toString(), "-o", snap.toString());
        assertThat(s.exitCode()).as(s.toString()).isZero();
        return snap;
    }

    @Test
    void plainVirtHasNoIommuAndTheSmmuGivesTheXhciControllerAGroup() throws Exception {
        Path plain = boot("plain", "--module", "vfio_pci,vfio_iommu_type1");
        Kforge list = Kforge.run("pci", "list", "--sysfs", plain.toString());
        assertThat(list.out()).contains("[1033:0194]");
        // a busybox boot has no NIC (-nic none), so the xHCI controller is the first device after the host bridge
        assertThat(list.out()).as("the xHCI controller's slot").contains("00:01.0");
        Kforge iommu = Kforge.run("pci", "iommu", "--sysfs", plain.toString());
        assertThat(iommu.out()).contains("IOMMU units: none").contains("no IOMMU groups");
        Kforge check = Kforge.run("vfio", "check", "--sysfs", plain.toString(), "00:01.0");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).startsWith("NOT READY").contains("the platform has no IOMMU").contains("QEMU cannot pass a device through");

        Path smmu = boot("smmu", "--machine", "iommu=smmuv3", "--module", "xhci_pci,vfio_pci,vfio_iommu_type1");
        Kforge groups = Kforge.run("pci", "iommu", "--sysfs", smmu.toString());
        assertThat(groups.out()).contains("smmu3.").contains("group 0").contains("[1033:0194]");
        Kforge ready = Kforge.run("vfio", "check", "--sysfs", smmu.toString(), "00:01.0");
        assertThat(ready.exitCode()).as(ready.toString()).isZero();
        assertThat(ready.out()).startsWith("READY").contains("IOMMU group 0").contains("bound to xhci_hcd");
    }
}
