package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.Json;
import org.kforge.image.CpioNewcWriter;

/** {@code boot --job}: the job a boot records gives the same QEMU argv, and command-line options replace its fields. */
class BootJobCliTest {
    @TempDir
    Path tmp;

    private List<String> base() throws Exception {
        Path kernel = org.kforge.qemu.FakeImages.arm64(tmp.resolve("Image"));
        Path disk = Files.write(tmp.resolve("my disk.img"), new byte[4096]);
        return List.of("boot", "--dry-run", "--json", "--accel", "tcg", "--kernel", kernel.toString(), "--disk", disk.toString(),
                "--append", "root=/dev/vda rw quiet=\"a b\" it's", "--device", "nec-usb-xhci", "--machine", "iommu=smmuv3",
                "--out", tmp.resolve("run").toString());
    }

    private static JsonNode plan(List<String> args) throws Exception {
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.json().readTree(r.out());
    }

    @Test
    void theJobOfAPlanBootsTheSameArgvByteForByte() throws Exception {
        JsonNode first = plan(base());
        Path job = Files.writeString(tmp.resolve("job.json"), first.get("job").toString());
        JsonNode again = plan(List.of("boot", "--dry-run", "--json", "--job", job.toString(), "--out", tmp.resolve("run").toString()));
        assertThat(again.get("argv").toString()).isEqualTo(first.get("argv").toString());
        assertThat(again.get("cmdline").asText()).endsWith("root=/dev/vda rw quiet=\"a b\" it's");
        assertThat(again.get("job")).isEqualTo(first.get("job"));
    }

    @Test
    void anOptionGivenWithAJobReplacesItsField() throws Exception {
        JsonNode first = plan(base());
        Path job = Files.writeString(tmp.resolve("job.json"), first.get("job").toString());
        JsonNode changed = plan(List.of("boot", "--dry-run", "--json", "--job", job.toString(), "--append", "root=/dev/vda ro",
                "--out", tmp.resolve("run").toString()));
        assertThat(changed.get("job").get("append").asText()).isEqualTo("root=/dev/vda ro");
        assertThat(changed.get("job").get("devices").toString()).isEqualTo("[\"nec-usb-xhci\"]");
        assertThat(changed.get("argv").toString()).contains("root=/dev/vda ro").doesNotContain("quiet=");
    }

    @Test
    void theDryRunPlanNamesItsFilesAndReasons() throws Exception {
        Path initrd = tmp.resolve("initrd.cpio.gz");
        try (var o = Files.newOutputStream(initrd); CpioNewcWriter cpio = new CpioNewcWriter(o)) {
            cpio.file("init", 0755, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        }
        List<String> args = new java.util.ArrayList<>(base());
        args.addAll(List.of("--initrd", initrd.toString()));
        JsonNode p = plan(args);
        assertThat(p.get("run_dir").asText()).isEqualTo(tmp.resolve("run").toString());
        assertThat(p.get("argv").get(0).asText()).isEqualTo("qemu-system-aarch64");
        assertThat(p.get("options").get(0).get("reason").asText()).isNotBlank();
        assertThat(p.get("reads").toString()).contains("\"role\":\"disk\"", "my disk.img");
        assertThat(p.get("writes").toString()).contains("job.json", "console.log");
        assertThat(p.get("timeouts").get("boot").asInt()).isEqualTo(120);
    }

    @Test
    void aBadJobIsOneLineAndExitTwo() throws Exception {
        Path job = Files.writeString(tmp.resolve("bad.json"), "{\"schema_version\": 1, \"profile\": \"qemu-virt-arm64\", \"accel\": \"fast\"}");
        CliRun r = CliRun.of("boot", "--dry-run", "--job", job.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--accel fast: expected auto, kvm or tcg").doesNotContain("Exception");
    }
}
