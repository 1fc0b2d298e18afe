package org.kforge.dt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.cli.Main;

/** A bad file on the command line: exit 2, one line on stderr, no stack trace. */
class DtBadInputTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run kforge(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int rc = Main.run(args);
            return new Run(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Path file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] dtb = SampleTrees.miniPi();
        Run r = kforge("dt", "show", file("cut.dtb", Arrays.copyOf(dtb, dtb.length / 2)).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString()
                .startsWith("kforge: ").contains("cut.dtb: bad DTB at byte 0x4 (4): totalsize is " + dtb.length);
    }

    @Test
    void wrongMagic() throws Exception {
        byte[] dtb = SampleTrees.miniPi();
        dtb[3] = 0x11;
        Run r = kforge("dt", "translate", file("magic.dtb", dtb).toString(), "serial0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains("magic is 0xd00dfe11");
    }

    @Test
    void textFile() throws Exception {
        Run r = kforge("dt", "dma", file("board.dts", "/dts-v1/;\n/ {\n};\n".getBytes(StandardCharsets.US_ASCII)).toString(), "x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains("it is text");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingFileAndEmptyFile() throws Exception {
        assertThat(kforge("dt", "show", dir.resolve("nope.dtb").toString()).err().lines()).hasSize(2);
        Run empty = kforge("dt", "show", file("empty.dtb", new byte[0]).toString());
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err().lines()).hasSize(1).first().asString().contains("0 bytes, too short");
    }

    @Test
    void cpuAddressOutsideEveryWindowListsThem() throws Exception {
        Run r = kforge("dt", "dma", file("mini.dtb", SampleTrees.miniPi()).toString(), "serial0", "--cpu", "0x40000000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("outside every DMA window").contains("bus 0xc0000000-0xffffffff -> CPU 0x0-0x3fffffff (1 GiB)");
    }

    @Test
    void commandsWorkOnAGoodFile() throws Exception {
        String dtb = file("mini.dtb", SampleTrees.miniPi()).toString();
        assertThat(kforge("dt", "translate", dtb, "serial0").out()).endsWith("CPU physical address: 0xfe201000\n");
        assertThat(kforge("dt", "translate", dtb, "serial0", "1", "--json").out()).contains("\"cpuAddress\" : \"0xfe201400\"");
        assertThat(kforge("dt", "find", dtb, "--compatible", "arm,primecell").out()).isEqualTo("/soc/serial@7e201000\n");
        assertThat(kforge("dt", "find", dtb, "--phandle", "0x25").out()).isEqualTo("/pcie@7d500000\n");
        assertThat(kforge("dt", "find", dtb, "--alias", "pcie0").out()).isEqualTo("/pcie@7d500000\n");
        assertThat(kforge("dt", "dma", dtb, "serial0", "--bus", "0xc0001000").out()).contains("lands at CPU 0x1000");
        assertThat(kforge("dt", "show", dtb, "i2c").out()).startsWith("i2c@7e804000 {\n");
        Run local = kforge("dt", "translate", dtb, "/local/dev@1000");
        assertThat(local.exit()).isEqualTo(2);
        assertThat(local.err()).contains("/local has no ranges property");
    }
}
