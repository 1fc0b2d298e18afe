package org.kforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Does it boot without Xen?": the same kernel and initramfs bare and as dom0, compared. */
class XenCompareIT {
    @AfterEach
    void noQemuLeftBehind() {
        assertThat(Kforge.runningQemus()).isZero();
    }

    @Test
    void linesOnlyUnderXenAreGroupedAndTimestampsAreNoNoise() throws Exception {
        Path dir = Files.createTempDirectory("kforge-xen-compare");
        Path bare = Files.writeString(dir.resolve("bare.yaml"), "schema_version: 1\nprofile: qemu-virt-arm64\n");
        Path xen = Files.writeString(dir.resolve("xen.yaml"), "schema_version: 1\nprofile: qemu-virt-arm64-xen\n");
        Kforge k = Kforge.run("compare", "--json", "--job", bare.toString(), "--job", xen.toString());
        assertThat(k.exitCode()).as(k.toString()).isEqualTo(1); // they differ
        JsonNode c = new ObjectMapper().readTree(k.out());
        JsonNode onlyXen = c.get("only_in_b");
        // dom0's swiotlb lines and its Xen drivers, apart from the hypervisor's own lines
        assertThat(onlyXen.get("software IO TLB").toString()).contains("software IO TLB: mapped");
        assertThat(onlyXen.has("xen:grant_table")).isTrue();
        assertThat(onlyXen.has("xen:events")).isTrue();
        assertThat(onlyXen.get("(XEN) hypervisor").toString()).contains("Xen version 4.17");
        // lines both boots print, at other times, are not differences
        assertThat(c.get("only_in_a").toString() + onlyXen).doesNotContain("Run /init as init process")
                .doesNotContain("Freeing unused kernel memory");
        assertThat(c.get("a").get("verdict").get("outcome").asText()).isEqualTo("boot-ok");
        assertThat(c.get("b").get("verdict").get("outcome").asText()).isEqualTo("boot-ok");
        assertThat(c.get("milestone_clock").asText()).isEqualTo("run");
        JsonNode xenVersion = null;
        for (JsonNode m : c.get("milestones")) if (m.get("id").asText().equals("xen-version")) xenVersion = m;
        assertThat(xenVersion.get("seconds_a").isNull()).isTrue();
        assertThat(xenVersion.get("seconds_b").asDouble()).isPositive();
    }
}
