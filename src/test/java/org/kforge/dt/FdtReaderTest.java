package org.kforge.dt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.kforge.KforgeException;

class FdtReaderTest {
    private final byte[] dtb = SampleTrees.miniPi();

    @Test
    void readsNodesPropertiesAliasesChosenPhandlesAndReservations() {
        Fdt fdt = Fdt.parse(dtb, "mini.dtb");
        assertThat(fdt.header().version()).isEqualTo(17);
        assertThat(fdt.reservations()).containsExactly(new MemReserve(0, 0x1000));
        assertThat(fdt.node("/soc/serial@7e201000")).isPresent();
        assertThat(fdt.aliases()).containsEntry("serial0", "/soc/serial@7e201000");
        assertThat(fdt.chosen().flatMap(c -> c.property("stdout-path")).map(FdtProperty::string)).contains("serial0:115200n8");
        assertThat(fdt.byPhandle(0x25).map(FdtNode::path)).contains("/pcie@7d500000");
        assertThat(fdt.root().property("compatible").orElseThrow().strings()).containsExactly("test,mini-pi", "brcm,bcm2711");
    }

    @Test
    void findsNodesByPathAliasAndUniqueName() {
        Fdt fdt = Fdt.parse(dtb, "mini.dtb");
        assertThat(NodeLookup.resolve(fdt, "serial0").path()).isEqualTo("/soc/serial@7e201000");
        assertThat(NodeLookup.resolve(fdt, "eeprom@50").path()).isEqualTo("/soc/i2c@7e804000/eeprom@50");
        assertThat(NodeLookup.resolve(fdt, "i2c").path()).isEqualTo("/soc/i2c@7e804000");
        assertThatThrownBy(() -> NodeLookup.resolve(fdt, "dev")).hasMessageContaining("names 2 nodes");
        assertThatThrownBy(() -> NodeLookup.resolve(fdt, "/nope")).isInstanceOf(KforgeException.class);
    }

    @Test
    void wrongMagicNamesOffsetZero() {
        byte[] bad = dtb.clone();
        bad[0] = 0;
        assertThatThrownBy(() -> Fdt.parse(bad, "x.dtb")).isInstanceOf(KforgeException.class)
                .hasMessage("x.dtb: bad DTB at byte 0x0 (0): magic is 0x000dfeed, not 0xd00dfeed: not a flattened device tree");
    }

    @Test
    void textFileIsCalledText() {
        byte[] text = "/dts-v1/;\n/ { };\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Fdt.parse(text, "x.dts")).hasMessageContaining("it is text");
    }

    @Test
    void truncatedFileIsCaughtByTotalsize() {
        byte[] cut = Arrays.copyOf(dtb, dtb.length - 10);
        assertThatThrownBy(() -> Fdt.parse(cut, "x.dtb")).hasMessageContaining("byte 0x4 ").hasMessageContaining("truncated");
    }

    @Test
    void lyingPropertyLengthIsRefusedWithoutAllocating() {
        byte[] bad = dtb.clone();
        int propAt = firstToken(bad, StructureBlock.PROP);
        ByteBuffer.wrap(bad).putInt(propAt + 4, 0x7fffffff);
        assertThatThrownBy(() -> Fdt.parse(bad, "x.dtb"))
                .hasMessageContaining("byte 0x" + Integer.toHexString(propAt) + " ").hasMessageContaining("property length 2147483647");
    }

    @Test
    void nameOffsetOutsideStringsBlock() {
        byte[] bad = dtb.clone();
        int propAt = firstToken(bad, StructureBlock.PROP);
        ByteBuffer.wrap(bad).putInt(propAt + 8, 0x10000);
        assertThatThrownBy(() -> Fdt.parse(bad, "x.dtb")).hasMessageContaining("outside the");
    }

    @Test
    void nestingIsCapped() {
        DtbBuilder b = new DtbBuilder().begin("");
        for (int i = 0; i < 100; i++) b.begin("n" + i);
        for (int i = 0; i < 100; i++) b.end();
        byte[] deep = b.end().build();
        assertThatThrownBy(() -> Fdt.parse(deep, "x.dtb")).hasMessageContaining("deeper than 64");
    }

    @Test
    void misalignedStructureBlockIsRefused() {
        byte[] bad = dtb.clone();
        ByteBuffer.wrap(bad).putInt(8, ByteBuffer.wrap(bad).getInt(8) + 2);
        assertThatThrownBy(() -> Fdt.parse(bad, "x.dtb")).hasMessageContaining("byte 0x8 ").hasMessageContaining("aligned");
    }

    @Test
    void missingEndTokenIsReported() {
        byte[] bad = dtb.clone();
        ByteBuffer buf = ByteBuffer.wrap(bad);
        int end = buf.getInt(8) + buf.getInt(36) - 4;
        buf.putInt(end, StructureBlock.NOP);
        assertThatThrownBy(() -> Fdt.parse(bad, "x.dtb")).hasMessageContaining("without an FDT_END");
    }

    static int firstToken(byte[] dtb, int token) {
        ByteBuffer b = ByteBuffer.wrap(dtb);
        for (int at = b.getInt(8); at < dtb.length; at += 4) {
            if (b.getInt(at) == token) return at;
        }
        throw new AssertionError("no token " + token);
    }
}
