package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.pci.Snapshots;

/** Many inputs in one invocation: each judged on its own, a bad one is one line naming it, the exit code says so at the end. */
class ManyInputsTest {
    private static final String CORPUS = "src/test/resources/doctor-corpus/";
    private static final String PANIC = CORPUS + "17-cm4-pcie-usb-hub-card-brcm-pcie-probe-serror-panic/console.log";

    @TempDir
    Path tmp;

    @Test
    void doctorJudgesEveryReadableLogAndNamesTheOneItCannotRead() throws Exception {
        String missing = tmp.resolve("nosuch.log").toString();
        CliRun r = CliRun.of("doctor", PANIC, missing, tmp.toString(), PANIC);
        assertThat(r.exitCode()).as("a missing log is bad input (2), above the panic's 1").isEqualTo(2);
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err().lines().toList().get(0)).startsWith("kforge: ").contains("nosuch.log").contains("fix:");
        assertThat(r.err().lines().toList().get(1)).startsWith("kforge: ").contains(tmp + " is a directory");
        assertThat(r.out().split("FAILED \\(panic\\)", -1)).as("both readable logs judged").hasSize(3);
    }

    @Test
    void doctorJsonIsAnArrayWhenSeveralLogsWereAskedForEvenIfOneRemains() throws Exception {
        CliRun r = CliRun.of("doctor", "--json", PANIC, tmp.resolve("nosuch.log").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.isArray()).isTrue();
        assertThat(j.size()).isEqualTo(1);
        assertThat(j.get(0).get("outcome").asText()).isEqualTo("panic");
    }

    @Test
    void pciShowTakesSeveralAddressesAndGoesOnPastAnAbsentOne() throws Exception {
        String snap = Snapshots.unpack("twin-smmu", tmp).toString();
        CliRun all = CliRun.of("pci", "list", "--sysfs", snap);
        String first = all.out().lines().findFirst().orElseThrow().split(" ")[0];
        CliRun r = CliRun.of("pci", "show", "--sysfs", snap, first, "00:1f.7", first);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("kforge: ").contains("no PCI device 0000:00:1f.7");
        CliRun one = CliRun.of("pci", "show", "--sysfs", snap, first);
        assertThat(r.out()).isEqualTo(one.out() + "\n" + one.out());

        CliRun json = CliRun.of("pci", "show", "--json", "--sysfs", snap, first, first);
        assertThat(json.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(json.out()).size()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(CliRun.of("pci", "show", "--json", "--sysfs", snap, first).out()).isObject()).isTrue();
    }
}
