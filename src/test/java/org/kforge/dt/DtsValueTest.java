package org.kforge.dt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DtsValueTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void guessesLikeDtc() {
        assertThat(DtsValue.of(b("okay\0"))).isEqualTo("\"okay\"");
        assertThat(DtsValue.of(b("arm,pl011\0arm,primecell\0"))).isEqualTo("\"arm,pl011\\0arm,primecell\"");
        assertThat(DtsValue.of(new byte[] {0, 0, 0, 1, 0x12, 0x34, 0x56, 0x78})).isEqualTo("<0x01 0x12345678>");
        assertThat(DtsValue.of(new byte[] {1, 2, (byte) 0xff})).isEqualTo("[01 02 ff]");
        assertThat(DtsValue.of(b("\0\0"))).isEqualTo("[00 00]");
        assertThat(DtsValue.of(b("a\0\0\0"))).isEqualTo("<0x61000000>");
        assertThat(DtsValue.of(b("tab\there \"q\" \\\0"))).isEqualTo("\"tab\\there \\\"q\\\" \\\\\"");
        assertThat(DtsValue.of(new byte[0])).isEmpty();
        // dtc 1.6 prints "\02K" here and reads it back as 3 bytes; kforge keeps the 4
        assertThat(DtsValue.of(new byte[] {0, '2', 'K', 0})).isEqualTo("<0x324b00>");
        assertThat(DtsValue.of(b("a\09\0"))).isEqualTo("\"a\\09\"");
    }

    @Test
    void writesTheWholeTreeWithMemreserve() {
        String dts = DtsWriter.source(Fdt.parse(SampleTrees.miniPi(), "mini.dtb"));
        assertThat(dts).startsWith("/dts-v1/;\n\n/memreserve/\t0x0000000000000000 0x0000000000001000;\n/ {\n"
                + "\tcompatible = \"test,mini-pi\\0brcm,bcm2711\";\n\t#address-cells = <0x02>;\n");
        assertThat(dts).contains("\t\tdev@9000000 {\n\t\t\treg = <0x9000000 0x1000>;\n\t\t\tdma-coherent;\n\t\t};\n");
    }
}
