package org.kforge.dt;

/** Small trees shaped like the real ones: a Pi-like SoC bus, an I2C bus, a bus without ranges, a PCIe bridge. */
final class SampleTrees {
    private SampleTrees() {
    }

    static byte[] miniPi() {
        return new DtbBuilder().reserve(0, 0x1000)
                .begin("").string("compatible", "test,mini-pi", "brcm,bcm2711").cells("#address-cells", 2).cells("#size-cells", 1)
                .begin("aliases").string("serial0", "/soc/serial@7e201000").string("pcie0", "/pcie@7d500000").end()
                .begin("chosen").string("stdout-path", "serial0:115200n8").end()
                .begin("soc").string("compatible", "simple-bus").cells("#address-cells", 1).cells("#size-cells", 1)
                .cells("ranges", 0x7e000000L, 0, 0xfe000000L, 0x1800000)
                .cells("dma-ranges", 0xc0000000L, 0, 0, 0x40000000)
                .begin("serial@7e201000").string("compatible", "arm,pl011", "arm,primecell")
                .cells("reg", 0x7e201000L, 0x200, 0x7e201400L, 0x100).cells("phandle", 5).end()
                .begin("i2c@7e804000").cells("#address-cells", 1).cells("#size-cells", 0).cells("reg", 0x7e804000L, 0x1000)
                .begin("eeprom@50").cells("reg", 0x50).end().end()
                .end()
                .begin("local").cells("#address-cells", 1).cells("#size-cells", 1)
                .begin("dev@1000").cells("reg", 0x1000, 0x10).end().end()
                .begin("flat").cells("#address-cells", 1).cells("#size-cells", 1).prop("ranges", new byte[0])
                .begin("dev@9000000").cells("reg", 0x9000000, 0x1000).prop("dma-coherent", new byte[0]).end().end()
                .begin("pcie@7d500000").string("compatible", "brcm,bcm2711-pcie").string("device_type", "pci")
                .cells("reg", 0, 0x7d500000L, 0x9310).cells("#address-cells", 3).cells("#size-cells", 2)
                .cells("ranges", 0x02000000, 0, 0xf8000000L, 0x6, 0, 0, 0x4000000)
                .cells("dma-ranges", 0x02000000, 0, 0, 0, 0, 0, 0xc0000000L).cells("phandle", 0x25)
                .begin("usb@0,0").cells("reg", 0, 0, 0, 0, 0).end().end()
                .end().build();
    }
}
