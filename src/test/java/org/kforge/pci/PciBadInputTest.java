package org.kforge.pci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.cli.CliRun;

/** Bad input ends in one clear line and exit 2. */
class PciBadInputTest {
    @TempDir
    Path tmp;

    private static void oneLine(CliRun r, String says) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElse("")).startsWith("kforge: ").contains(says);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void malformedBdf() throws Exception {
        String snap = Snapshots.unpack("twin-smmu", tmp).toString();
        oneLine(CliRun.of("pci", "show", "--sysfs", snap, "00:2"), "malformed PCI address '00:2'");
        oneLine(CliRun.of("pci", "read", "--sysfs", snap, "zz:00.0", "0.w"), "malformed PCI address");
        oneLine(CliRun.of("vfio", "check", "--sysfs", snap, "00:20.0"), "device 20 is above 1f");
        oneLine(CliRun.of("pci", "show", "--sysfs", snap, "00:07.0"), "no PCI device 0000:00:07.0");
    }

    @Test
    void registerPastTheEndOfConfigSpace() throws Exception {
        String snap = Snapshots.unpack("twin-smmu", tmp).toString();
        oneLine(CliRun.of("pci", "read", "--sysfs", snap, "00:02.0", "0x1000.l"), "past the end of config space");
        oneLine(CliRun.of("pci", "read", "--sysfs", snap, "00:02.0", "ffe.l"), "past the end of config space");
        oneLine(CliRun.of("pci", "read", "--sysfs", snap, "00:02.0", "f5.w"), "unaligned");
        oneLine(CliRun.of("pci", "read", "--sysfs", snap, "00:02.0", "10"), "missing width");
        oneLine(CliRun.of("pci", "read", "--sysfs", snap, "00:02.0", "ECAP_AER.l"), "not found");
    }

    @Test
    void snapshotWithMissingFiles() throws Exception {
        Path snap = Snapshots.unpack("twin-smmu", tmp);
        Files.delete(snap.resolve("sys/bus/pci/devices/0000:00:02.0/config"));
        oneLine(CliRun.of("pci", "list", "--sysfs", snap.toString()), "lacks /sys/bus/pci/devices/0000:00:02.0/config");
        oneLine(CliRun.of("pci", "list", "--sysfs", tmp.resolve("nothing").toString()), "no such directory");
        Files.createDirectories(tmp.resolve("empty"));
        oneLine(CliRun.of("pci", "list", "--sysfs", tmp.resolve("empty").toString()), "neither a sysfs tree nor a kforge snapshot");
    }

    @Test
    void configShorterThan64Bytes() throws Exception {
        Path snap = Snapshots.unpack("twin-smmu", tmp);
        Path config = snap.resolve("sys/bus/pci/devices/0000:00:02.0/config");
        Files.write(config, java.util.Arrays.copyOf(Files.readAllBytes(config), 40));
        oneLine(CliRun.of("pci", "show", "--sysfs", snap.toString(), "00:02.0"), "holds 40 bytes of config space, fewer than the 64-byte header");
    }

    @Test
    void unprivilegedReadBeyond64BytesIsExplained() throws Exception {
        Path snap = Snapshots.unpack("twin-smmu", tmp);
        Path config = snap.resolve("sys/bus/pci/devices/0000:00:02.0/config");
        Files.write(config, java.util.Arrays.copyOf(Files.readAllBytes(config), 64));
        oneLine(CliRun.of("pci", "read", "--sysfs", snap.toString(), "00:02.0", "0x90.w"), "beyond the first 64 bytes");
        CliRun w = CliRun.of("pci", "write", "--sysfs", snap.toString(), "00:02.0", "COMMAND=0:4");
        assertThat(w.exitCode()).isZero();
        assertThat(w.out()).contains("would write 0000:00:02.0 @04: 0406 -> 0402").contains("nothing written");
    }
}
