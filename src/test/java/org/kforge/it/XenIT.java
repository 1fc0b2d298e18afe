package org.kforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Debian's Xen 4.17 under QEMU with Debian's kernel as dom0: who failed, Xen or the kernel. */
class XenIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void noQemuLeftBehind() throws Exception {
        assertThat(Kforge.runningQemus()).isZero();
    }

    private static JsonNode boot(int expectedExit, String... args) throws Exception {
        String[] all = new String[args.length + 4];
        all[0] = "boot";
        all[1] = "--json";
        all[2] = "--profile";
        all[3] = "qemu-virt-arm64-xen";
        System.arraycopy(args, 0, all, 4, args.length);
        Kforge k = Kforge.run(all);
        assertThat(k.exitCode()).as(k.toString()).isEqualTo(expectedExit);
        return JSON.readTree(k.out());
    }

    private static JsonNode event(JsonNode r, String list, String id) {
        for (JsonNode e : r.get(list)) if (e.get("id").asText().equals(id)) return e;
        throw new AssertionError("no " + id + " in " + r);
    }

    @Test
    void dom0ReachesTheReadyMarkerUnderXen() throws Exception {
        JsonNode r = boot(0);
        assertThat(r.get("outcome").asText()).isEqualTo("boot-ok");
        assertThat(event(r, "milestones", "xen-version").get("title").asText()).contains("Xen 4.17");
        assertThat(event(r, "milestones", "kernel-banner").get("seconds").asDouble())
                .isGreaterThan(event(r, "milestones", "xen-version").get("seconds").asDouble());
        assertThat(event(r, "milestones", "ready").get("seconds").asDouble()).isPositive();
        assertThat(r.get("cmdline").asText()).contains("console=hvc0");
    }

    @Test
    void dom0MemoryLargerThanTheMachineIsXensFailure() throws Exception {
        JsonNode r = boot(1, "--xen-append", "dom0_mem=4G");
        assertThat(r.get("verdict").get("layer").asText()).isEqualTo("hypervisor (Xen)");
        assertThat(r.get("verdict").get("title").asText()).contains("Xen").contains("dom0 memory");
        double panicAt = event(r, "failures", "xen-panic").get("seconds").asDouble();
        assertThat(r.get("seconds").asDouble() - panicAt).isLessThan(5.0);
    }

    @Test
    void noInitrdIsTheDom0KernelsFailure() throws Exception {
        JsonNode r = boot(1, "--no-initrd");
        assertThat(r.get("outcome").asText()).isIn("no-root", "no-init");
        assertThat(r.get("verdict").get("layer").asText()).isEqualTo("dom0 kernel");
    }

    @Test
    void aDom0OnThePl011IsASilentConsoleNamingHvc0() throws Exception {
        JsonNode r = boot(1, "--append", "console=ttyAMA0", "--exec", "sleep 60");
        assertThat(r.get("outcome").asText()).isEqualTo("no-console");
        assertThat(r.get("verdict").get("fix").toString()).contains("console=hvc0");
    }
}
