package org.kforge.dt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.cli.CliRun;

/** dt show of many DTBs in one run: each tree under a '// FILE' line, a bad one is one line on stderr, exit 2 at the end. */
class DtShowManyTest {
    @TempDir Path dir;

    @Test
    void everyTreeIsPrintedAndABadOneIsNamed() throws Exception {
        byte[] dtb = SampleTrees.miniPi();
        Path a = Files.write(dir.resolve("a.dtb"), dtb);
        Path cut = Files.write(dir.resolve("cut.dtb"), Arrays.copyOf(dtb, dtb.length / 2));
        Path b = Files.write(dir.resolve("b.dtb"), dtb);
        String one = CliRun.of("dt", "show", a.toString()).out();

        CliRun r = CliRun.of("dt", "show", a.toString(), cut.toString(), b.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("kforge: ").contains("cut.dtb: bad DTB");
        assertThat(r.out()).isEqualTo("// " + a + "\n" + one + "// " + b + "\n" + one);
    }

    @Test
    void oneTreeAndANodeStillWorksAndNodeAppliesToEveryTree() throws Exception {
        Path a = Files.write(dir.resolve("a.dtb"), SampleTrees.miniPi());
        Path b = Files.write(dir.resolve("b.dtb"), SampleTrees.miniPi());
        CliRun node = CliRun.of("dt", "show", a.toString(), "serial0");
        assertThat(node.exitCode()).isZero();
        assertThat(node.out()).doesNotContain("// ").contains("serial");
        CliRun both = CliRun.of("dt", "show", "--node", "serial0", a.toString(), b.toString());
        assertThat(both.exitCode()).isZero();
        assertThat(both.out()).isEqualTo("// " + a + "\n" + node.out() + "// " + b + "\n" + node.out());
    }
}
