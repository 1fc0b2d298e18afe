package org.kforge.dt;

import org.kforge.cli.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad file on the command line: exit 2, one line on stderr, no stack trace. */
class DtBadInputTest {
    @TempDir Path dir;

    private Path file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] dtb = SampleTrees.miniPi();
        CliRun r = CliRun.of("dt", "show", file("cut.dtb", Arrays.copyOf(dtb, dtb.length / 2)).toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString()
                .startsWith("kforge: ").contains("cut.dtb: bad DTB at byte 0x4 (4): totalsize is " + dtb.length);
    }

    @Test
    void wrongMagic() throws Exception {
        byte[] dtb = SampleTrees.miniPi();
        dtb[3] = 0x11;
        CliRun r = CliRun.of("dt", "translate", file("magic.dtb", dtb).toString(), "serial0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains("magic is 0xd00dfe11");
    }

    @Test
    void textFile() throws Exception {
        CliRun r = CliRun.of("dt", "dma", file("board.dts", "/dts-v1/;\n/ {\n};\n".getBytes(StandardCharsets.US_ASCII)).toString(), "x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains("it is text");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingFileAndEmptyFile() throws Exception {
        assertThat(CliRun.of("dt", "show", dir.resolve("nope.dtb").toString()).err().lines()).hasSize(2);
        CliRun empty = CliRun.of("dt", "show", file("empty.dtb", new byte[0]).toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err().lines()).hasSize(1).first().asString().contains("0 bytes, too short");
    }

    @Test
    void cpuAddressOutsideEveryWindowListsThem() throws Exception {
        CliRun r = CliRun.of("dt", "dma", file("mini.dtb", SampleTrees.miniPi()).toString(), "serial0", "--cpu", "0x40000000");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("outside every DMA window").contains("bus 0xc0000000-0xffffffff -> CPU 0x0-0x3fffffff (1 GiB)");
    }

    @Test
    void commandsWorkOnAGoodFile() throws Exception {
        String dtb = file("mini.dtb", SampleTrees.miniPi()).toString();
        assertThat(CliRun.of("dt", "translate", dtb, "serial0").out()).endsWith("CPU physical address: 0xfe201000\n");
        assertThat(CliRun.of("dt", "translate", dtb, "serial0", "1", "--json").out()).contains("\"cpu_address\" : \"0xfe201400\"");
        assertThat(CliRun.of("dt", "find", dtb, "--compatible", "arm,primecell").out()).isEqualTo("/soc/serial@7e201000\n");
        assertThat(CliRun.of("dt", "find", dtb, "--phandle", "0x25").out()).isEqualTo("/pcie@7d500000\n");
        assertThat(CliRun.of("dt", "find", dtb, "--alias", "pcie0").out()).isEqualTo("/pcie@7d500000\n");
        assertThat(CliRun.of("dt", "dma", dtb, "serial0", "--bus", "0xc0001000").out()).contains("lands at CPU 0x1000");
        assertThat(CliRun.of("dt", "show", dtb, "i2c").out()).startsWith("i2c@7e804000 {\n");
        CliRun local = CliRun.of("dt", "translate", dtb, "/local/dev@1000");
        assertThat(local.exitCode()).isEqualTo(2);
        assertThat(local.err()).contains("/local has no ranges property");
    }
}
