package org.kforge.pci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.pci.Finding.Level;

/** Snapshots captured inside the twin (see PciTwinIT): plain virt, virt+SMMUv3 without and with xhci_pci. */
class TwinSnapshotTest {
    private static final Bdf XHCI = Bdf.parse("00:02.0");
    @TempDir
    Path tmp;

    @Test
    void plainVirtHasNoIommuAndTheVerdictSaysSoWithNoIommuMode() throws Exception {
        SysfsSnapshot s = Snapshots.open("twin-plain", tmp);
        assertThat(s.device(XHCI).ids()).isEqualTo("1033:0194");
        assertThat(IommuGroup.all(s)).isEmpty();
        assertThat(IommuGroup.units(s)).isEmpty();
        VfioCheck.Verdict v = VfioCheck.run(s, XHCI);
        assertThat(v.ready()).isFalse();
        assertThat(v.findings().get(0).level()).isEqualTo(Level.FAIL);
        assertThat(v.findings().get(0).text()).contains("the platform has no IOMMU");
        assertThat(v.findings().get(1).text()).contains("no-IOMMU mode").contains("QEMU cannot").contains("DMA anywhere");
        assertThat(v.findings()).filteredOn(f -> f.level() == Level.FAIL).hasSize(1);
    }

    @Test
    void smmuWithoutADriverIsNoGroupYetNotNoIommu() throws Exception {
        SysfsSnapshot s = Snapshots.open("twin-smmu-nodrv", tmp);
        assertThat(IommuGroup.units(s)).singleElement().asString().startsWith("smmu3");
        assertThat(s.device(XHCI).iommuGroup()).isNull();
        VfioCheck.Verdict v = VfioCheck.run(s, XHCI);
        assertThat(v.ready()).isFalse();
        assertThat(v.findings()).filteredOn(f -> f.level() == Level.FAIL).singleElement()
                .satisfies(f -> assertThat(f.text()).contains("no IOMMU group yet"));
    }

    @Test
    void smmuWithXhciPciGivesTheControllerGroupZeroAndIsReady() throws Exception {
        SysfsSnapshot s = Snapshots.open("twin-smmu", tmp);
        PciDevice d = s.device(XHCI);
        assertThat(d.iommuGroup()).isZero();
        assertThat(d.driver()).isEqualTo("xhci_hcd");
        assertThat(IommuGroup.all(s)).singleElement().satisfies(g -> assertThat(g.devices()).containsExactly(XHCI));
        VfioCheck.Verdict v = VfioCheck.run(s, XHCI);
        assertThat(v.ready()).isTrue();
        assertThat(v.findings()).anySatisfy(f -> assertThat(f.text()).contains("bound to xhci_hcd").contains("unbinds"));
        assertThat(VfioBindPlan.of(d).steps()).extracting(VfioBindPlan.Step::shell).containsExactly(
                "echo vfio-pci > /sys/bus/pci/devices/0000:00:02.0/driver_override",
                "echo 0000:00:02.0 > /sys/bus/pci/devices/0000:00:02.0/driver/unbind",
                "echo 0000:00:02.0 > /sys/bus/pci/drivers/vfio-pci/bind");
    }

    @Test
    void theXhciControllerDecodes() throws Exception {
        PciDevice d = Snapshots.open("twin-smmu", tmp).device(XHCI);
        String text = DeviceReport.text(d, PciIds.load(PciIds.DEFAULT));
        assertThat(text).contains("Region 0: Memory at 8000004000 (64-bit, non-prefetchable) [size=16K]")
                .contains("[90] MSI-X: Enable+ Count=16").contains("Root Complex Integrated Endpoint").contains("IOMMU group: 0");
    }

    @Test
    void unprivilegedConfigIsExplainedNotShownAsZeros() throws Exception {
        PciDevice full = Snapshots.open("twin-smmu", tmp).device(XHCI);
        PciDevice cut = new PciDevice(full.bdf(), new ConfigSpace(java.util.Arrays.copyOf(full.config().bytes(), 64)), full.resources(),
                full.driver(), full.iommuGroup(), full.sysfsPath());
        assertThat(DeviceReport.text(cut, PciIds.load(PciIds.DEFAULT))).contains("CAP_SYS_ADMIN").doesNotContain("Capabilities: [");
    }

    @Test
    void behindARootPortTheLinkAerAndAcsDecodeAndAcsIsCalledOut() throws Exception {
        SysfsSnapshot s = Snapshots.open("twin-smmu-rootport", tmp);
        String port = DeviceReport.text(s.device(Bdf.parse("00:02.0")), PciIds.load(PciIds.DEFAULT));
        assertThat(port).contains("Header type 1").contains("Bus: primary=00, secondary=01, subordinate=01")
                .contains("LnkSta: Speed 2.5GT/s, Width x1").contains("Advanced Error Reporting").contains("ACSCap: SrcValid+");
        VfioCheck.Verdict v = VfioCheck.run(s, Bdf.parse("01:00.0"));
        assertThat(v.findings()).anySatisfy(f -> assertThat(f.text()).contains("0000:00:02.0 (pcieport)"));
        assertThat(v.findings()).anySatisfy(f -> assertThat(f.line()).startsWith("  warn  ACS"));
    }
}
