package org.kforge.dt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressTranslatorTest {
    private final Fdt fdt = Fdt.parse(SampleTrees.miniPi(), "mini.dtb");

    private Translation reg(String path, int index) {
        FdtNode n = fdt.node(path).orElseThrow();
        return AddressTranslator.translate(n, AddressTranslator.reg(n, index), AddressTranslator.RANGES);
    }

    @Test
    void socPeripheralGoesThroughSocRanges() {
        Translation t = reg("/soc/serial@7e201000", 0);
        assertThat(t.failure()).isNull();
        assertThat(t.cpuAddress()).isEqualTo(0xfe201000L);
        assertThat(t.hops()).hasSize(1);
        assertThat(t.hops().get(0).bus().path()).isEqualTo("/soc");
        assertThat(t.hops().get(0).entry().size()).isEqualTo(0x1800000L);
        assertThat(reg("/soc/serial@7e201000", 1).cpuAddress()).isEqualTo(0xfe201400L);
    }

    @Test
    void emptyRangesIsIdentity() {
        Translation t = reg("/flat/dev@9000000", 0);
        assertThat(t.cpuAddress()).isEqualTo(0x9000000L);
        assertThat(t.hops().get(0).entry()).isNull();
    }

    @Test
    void absentRangesStopsWithTheBusNamed() {
        Translation t = reg("/local/dev@1000", 0);
        assertThat(t.translated()).isFalse();
        assertThat(t.failure()).startsWith("/local has no ranges property");
    }

    @Test
    void zeroSizeCellsMeansNoMemoryMappedAddress() {
        Translation t = reg("/soc/i2c@7e804000/eeprom@50", 0);
        assertThat(t.failure()).contains("#size-cells = 0");
    }

    @Test
    void nodeDirectlyUnderRootNeedsNoHop() {
        Translation t = reg("/pcie@7d500000", 0);
        assertThat(t.cpuAddress()).isEqualTo(0x7d500000L);
        assertThat(t.hops()).isEmpty();
    }

    @Test
    void pciMemoryAddressMatchesOnSpaceCode() {
        FdtNode usb = fdt.node("/pcie@7d500000/usb@0,0").orElseThrow();
        int[] mem = BusType.PCI.addressFor(0xf8001000L, 3);
        Translation t = AddressTranslator.translate(usb, mem, AddressTranslator.RANGES);
        assertThat(t.cpuAddress()).isEqualTo(0x6_0000_1000L);
        int[] io = {0x01000000, 0, 0xf8001000};
        assertThat(AddressTranslator.translate(usb, io, AddressTranslator.RANGES).failure()).contains("outside every ranges entry");
    }

    @Test
    void addressOutsideEveryEntryListsThem() {
        FdtNode serial = fdt.node("/soc/serial@7e201000").orElseThrow();
        Translation t = AddressTranslator.translate(serial, new int[] {0x10000}, AddressTranslator.RANGES);
        assertThat(t.failure()).contains("outside every ranges entry of /soc").contains("0x7e000000");
    }

    @Test
    void cellCountsAreInheritedFromAncestorsLikeLinux() {
        assertThat(AddressCells.address(fdt.node("/soc/serial@7e201000").orElseThrow())).isEqualTo(1);
        assertThat(AddressCells.address(fdt.node("/flat/dev@9000000").orElseThrow())).isEqualTo(1);
        assertThat(AddressCells.address(Fdt.parse(new DtbBuilder().begin("").end().build(), "x").root())).isEqualTo(2);
    }
}
