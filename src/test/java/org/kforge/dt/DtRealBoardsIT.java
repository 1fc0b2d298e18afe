package org.kforge.dt;

import org.kforge.cli.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Address and DMA translation on the real Raspberry Pi CM4 IO board DTB and on QEMU's virt DTB. */
class DtRealBoardsIT {
    @TempDir Path tmp;

    @Test
    void pl011OfThePiIsAtFe201000() {
        CliRun r = CliRun.of("dt", "translate", RealDtbs.cm4().toString(), "serial0");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).startsWith("/soc/serial@7e201000 reg[0] <0x7e201000>\n")
                .contains("/soc (default bus): ranges <0x7e000000> -> <0x0 0xfe000000> size 0x1800000")
                .endsWith("CPU physical address: 0xfe201000\n");
    }

    @Test
    void emmc2SeesRamAtBusC0000000() {
        Fdt fdt = Fdt.read(RealDtbs.cm4());
        DmaView v = DmaView.of(fdt.node("/emmc2bus/mmc@7e340000").orElseThrow());
        assertThat(v.definedBy().path()).isEqualTo("/emmc2bus");
        assertThat(v.windows()).containsExactly(new DmaRange(0xc0000000L, 0x0, 1L << 30));
        CliRun r = CliRun.of("dt", "dma", RealDtbs.cm4().toString(), "/emmc2bus/mmc@7e340000", "--cpu", "0x1000");
        assertThat(r.out()).contains("bus 0xc0000000-0xffffffff -> CPU 0x0-0x3fffffff (1 GiB)  offset -0xc0000000")
                .contains(DmaView.PHYS_AS_DMA_WARNING).endsWith("bus address for the device: 0xc0001000\n");
    }

    @Test
    void pcieInboundWindowIsThreeGibIdentityInDebians61Dtb() {
        DmaView v = DmaView.of(NodeLookup.resolve(Fdt.read(RealDtbs.cm4()), "pcie0"));
        assertThat(v.definedBy().path()).isEqualTo("/scb/pcie@7d500000");
        assertThat(v.windows()).containsExactly(new DmaRange(0, 0, 0xc0000000L));
        assertThat(v.busDiffersFromCpu()).isFalse();
        assertThat(CliRun.of("dt", "dma", RealDtbs.cm4().toString(), "pcie0", "--json").out())
                .contains("\"bus_start\" : \"0x0\"").contains("\"size\" : \"0xc0000000\"").contains("\"warning\" : null");
    }

    @Test
    void qemuVirtIsIdentityEverywhereWithNoWarning() throws Exception {
        Path virt = RealDtbs.qemuVirt(tmp);
        Fdt fdt = Fdt.read(virt);
        for (FdtNode n : fdt.nodes()) {
            DmaView v = DmaView.of(n);
            assertThat(v.identity()).as(n.path()).isTrue();
            assertThat(v.busDiffersFromCpu()).isFalse();
        }
        CliRun r = CliRun.of("dt", "dma", virt.toString(), "/pl011@9000000");
        assertThat(r.out()).contains("bus address = CPU physical address").doesNotContain("warning");
        assertThat(CliRun.of("dt", "show", virt.toString()).out())
                .isEqualTo(RealDtbs.run(List.of("dtc", "-q", "-I", "dtb", "-O", "dts", virt.toString())));
    }
}
