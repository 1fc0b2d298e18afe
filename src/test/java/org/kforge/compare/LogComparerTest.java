package org.kforge.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogComparerTest {
    private static final Path LIVE = Path.of("src/test/resources/doctor-live");

    @Test
    void twoRealBootsWithDifferentCommandLinesShowOnlyWhatChanged() throws IOException {
        Comparison c = LogComparer.compare(LIVE.resolve("boot-ok/console.log"), LIVE.resolve("boot-ok-nokaslr/console.log"));
        assertThat(c.a().verdict().booted()).isTrue();
        assertThat(c.b().verdict().booted()).isTrue();
        List<String> onlyB = c.onlyInB().values().stream().flatMap(List::stream).map(Comparison.Line::text).toList();
        assertThat(onlyB).anySatisfy(l -> assertThat(l).contains("Kernel command line:").contains("nokaslr"));
        assertThat(onlyB).anySatisfy(l -> assertThat(l).contains("KASLR disabled"));
        // 230 lines of which every timestamp differs: only the real changes remain
        assertThat(onlyB).hasSizeLessThan(10);
        assertThat(c.milestones()).anySatisfy(m -> {
            assertThat(m.id()).isEqualTo("run-init");
            assertThat(m.difference()).isNotNull();
        });
    }

    @Test
    void noiseIsNormalisedAway(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.log"), """
                [    0.100000] Linux version 6.1.0 (x@y) #1 SMP
                [    0.200000] virtio_net virtio0 eth0: MAC 52:54:00:12:34:56 at 0xffff000012345678
                [    1.000000] EXT4-fs (vda): mounted filesystem 1b2c3d4e-0000-1111-2222-333344445555 in 12 ms, pid 77
                [    2.000000] xen: grant table ready
                """);
        Path b = Files.writeString(dir.resolve("b.log"), """
                [    0.110000] Linux version 6.1.0 (x@y) #1 SMP
                [    0.210000] virtio_net virtio0 eth0: MAC 52:54:00:ab:cd:ef at 0xffff000087654321
                [    1.200000] EXT4-fs (vda): mounted filesystem 99999999-0000-1111-2222-333344445555 in 40 ms, pid 81
                [    2.100000] xen: grant table ready
                [    2.200000] mmc0: new high speed SD card at address 1234
                """);
        Comparison c = LogComparer.compare(a, b);
        assertThat(c.onlyInA()).isEmpty();
        assertThat(c.onlyInB()).containsOnlyKeys("mmc0");
        assertThat(c.first().b()).singleElement().satisfies(l -> assertThat(l.number()).isEqualTo(5));
    }

    @Test
    void subsystemsAreNamedByTheirPrefix() {
        assertThat(Subsystem.of("pci 0000:00:01.0: [1af4:1041] type 00 class 0x020000")).isEqualTo("pci");
        assertThat(Subsystem.of("mmc0: new high speed SDHC card at address aaaa")).isEqualTo("mmc0");
        assertThat(Subsystem.of("(XEN) Loading d0 kernel")).isEqualTo("(XEN) hypervisor");
        assertThat(Subsystem.of("xen: grant table ready")).isEqualTo("xen");
    }
}
