package org.kforge.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.KforgeException;

class BootJobTest {
    @TempDir
    Path tmp;

    @Test
    void aJobWrittenIsTheJobReadBack() throws Exception {
        BootJob job = BootJob.on("qemu-virt-arm64").kernel("/k/Image").append("quiet loglevel=\"7 8\"").exec("echo 'a b' \"c\"")
                .modules(java.util.List.of("vfio", "vfio_pci")).timeout(60).gdb(0).waitForGdb(true).build();
        Path dir = Files.createDirectories(tmp.resolve("run"));
        job.writeInto(dir);
        String text = Files.readString(dir.resolve(BootJob.FILE));
        assertThat(text).contains("\"schema_version\" : 1", "\"wait_for_gdb\" : true", "\"append\" : \"quiet loglevel=\\\"7 8\\\"\"")
                .doesNotContain("kernelTree", "kernel_tree");
        assertThat(BootJob.read(dir.resolve(BootJob.FILE))).isEqualTo(job);
    }

    @Test
    void yamlWithRelativePathsResolvesAgainstItsDirectory() throws Exception {
        Path file = Files.writeString(tmp.resolve("xen.yaml"),
                "schema_version: 1\nprofile: qemu-virt-arm64-xen\nkernel: images/Image\nxen_append: loglvl=all\nmachine_options: [iommu=smmuv3]\n");
        BootJob job = BootJob.read(file);
        assertThat(job.kernel()).isEqualTo(tmp.resolve("images/Image").toString());
        assertThat(job.xenAppend()).isEqualTo("loglvl=all");
        assertThat(job.machineOptions()).containsExactly("iommu=smmuv3");
    }

    @Test
    void aMisspelledFieldIsOneLineWithItsLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("job.json"), "{\n \"schema_version\": 1,\n \"profile\": \"qemu-virt-arm64\",\n \"kernal\": \"x\"\n}\n");
        assertThatThrownBy(() -> BootJob.read(file)).isInstanceOf(KforgeException.class)
                .hasMessageContaining("unknown field \"kernal\"").hasMessageContaining("kernel_tree").hasMessageNotContaining("\n");
    }

    @Test
    void aNewerSchemaOrNoneIsRefused() throws Exception {
        Path newer = Files.writeString(tmp.resolve("a.json"), "{\"schema_version\": 2, \"profile\": \"qemu-virt-arm64\"}");
        assertThatThrownBy(() -> BootJob.read(newer)).hasMessageContaining("schema_version 2");
        Path none = Files.writeString(tmp.resolve("b.json"), "{\"profile\": \"qemu-virt-arm64\"}");
        assertThatThrownBy(() -> BootJob.read(none)).hasMessageContaining("schema_version 0");
    }

    @Test
    void theTimeoutsOfADebuggedBootAreOff() {
        BootTimeouts t = BootTimeouts.of(BootJob.on("p").gdb(1234).hangTimeout(7).build());
        assertThat(t.boot()).isNull();
        assertThat(t.silence()).isNull();
        assertThat(t.hang()).hasSeconds(7);
        assertThat(BootTimeouts.of(BootJob.on("p").build()).boot()).hasSeconds(120);
    }
}
