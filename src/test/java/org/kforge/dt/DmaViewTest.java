package org.kforge.dt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DmaViewTest {
    private final Fdt fdt = Fdt.parse(SampleTrees.miniPi(), "mini.dtb");

    private DmaView dma(String path) {
        return DmaView.of(fdt.node(path).orElseThrow());
    }

    @Test
    void socDeviceSeesRamAtBusC0000000() {
        DmaView v = dma("/soc/serial@7e201000");
        assertThat(v.definedBy().path()).isEqualTo("/soc");
        assertThat(v.windows()).containsExactly(new DmaRange(0xc0000000L, 0, 0x40000000L));
        assertThat(v.busDiffersFromCpu()).isTrue();
        assertThat(v.busFor(0x1000)).contains(0xc0001000L);
        assertThat(v.cpuFor(0xc0000000L)).contains(0L);
        assertThat(v.busFor(0x40000000L)).isEmpty();
        assertThat(v.highestCpuAddress()).contains(0x3fffffffL);
    }

    @Test
    void pciHostBridgeWindowSkipsTheFlagsCell() {
        DmaView v = dma("/pcie@7d500000/usb@0,0");
        assertThat(v.definedBy().path()).isEqualTo("/pcie@7d500000");
        assertThat(v.windows()).containsExactly(new DmaRange(0, 0, 0xc0000000L));
        assertThat(v.busDiffersFromCpu()).isFalse();
    }

    @Test
    void noDmaRangesIsIdentityAndCoherenceIsInherited() {
        DmaView v = dma("/flat/dev@9000000");
        assertThat(v.identity()).isTrue();
        assertThat(v.busFor(0x1234)).contains(0x1234L);
        assertThat(v.coherent()).isTrue();
        assertThat(dma("/soc/serial@7e201000").coherent()).isFalse();
    }

    @Test
    void missingDmaRangesAboveTheParentStopsTheSearchLikeLinux() {
        // eeprom: none; i2c: none -> of_dma_get_range gives up before /soc
        assertThat(dma("/soc/i2c@7e804000/eeprom@50").identity()).isTrue();
        assertThat(dma("/soc/i2c@7e804000").identity()).isFalse();
    }
}
