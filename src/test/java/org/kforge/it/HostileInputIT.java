package org.kforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile inputs of issue 16, each run through the built jar under -Xmx256m: one clear line and exit 2
 * (or the right verdict), never a stack trace, never an OutOfMemoryError, within a minute.
 */
class HostileInputIT {
    private static final List<String> HEAP = List.of("-Xmx256m", "-XX:+UseSerialGC");
    private static final int LIMIT_SECONDS = 90;

    @TempDir
    static Path tmp;
    static Path ok;
    static Path snap;

    @BeforeAll
    static void inputs() throws Exception {
        ok = Files.writeString(tmp.resolve("ok.log"), "[    0.000000] Booting Linux on physical CPU 0x0000000000\n"
                + "[    0.000000] Linux version 6.1.0-13-arm64 (debian-kernel@lists.debian.org) #1 SMP\n[    0.9] kforge-init: ready\n");
        Kforge s = Kforge.run("pci", "snapshot", "-o", tmp.resolve("snap").toString());
        assertThat(s.exitCode()).as(s.toString()).isZero();
        snap = tmp.resolve("snap");
    }

    private static Kforge run(Path stdin, String... args) throws Exception {
        Kforge k = Kforge.within(LIMIT_SECONDS, Map.of(), HEAP, stdin, args);
        assertThat(k.err()).as(k.toString()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Error:");
        return k;
    }

    private static void refused(Kforge k, String says) {
        assertThat(k.exitCode()).as(k.toString()).isEqualTo(2);
        assertThat(k.err()).startsWith("kforge: ").contains(says);
        assertThat(k.err().lines().count()).as(k.toString()).isLessThanOrEqualTo(2);
    }

    @Test
    void devicesAndEndlessStreams() throws Exception {
        refused(run(null, "doctor", "/dev/zero"), "is a device");
        refused(run(null, "doctor", "/dev/urandom"), "is a device");
        refused(run(null, "config", "diff", "/dev/zero", ok.toString()), "is a device");
        refused(run(null, "compare", "/dev/zero", ok.toString()), "is a device");
    }

    @Test
    void aSnapshotWhoseConfigIsALinkToDevZero() throws Exception {
        Path dev = Files.list(snap.resolve("sys/bus/pci/devices")).sorted().findFirst().orElseThrow().toRealPath();
        Path config = dev.resolve("config");
        byte[] saved = Files.readAllBytes(config);
        Files.delete(config);
        Files.createSymbolicLink(config, Path.of("/dev/zero"));
        try {
            refused(run(null, "pci", "show", "--sysfs", snap.toString()), "is a device");
        } finally {
            Files.delete(config);
            Files.write(config, saved);
        }
    }

    @Test
    void aGzipBomb() throws Exception {
        Path bomb = tmp.resolve("config.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) out.write(zeros);
        }
        refused(run(null, "config", "diff", bomb.toString(), ok.toString()), "larger than 64 MB");
    }

    @Test
    void aTwoHundredMegabyteSingleLineLog() throws Exception {
        Path big = tmp.resolve("one-line.log");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] chunk = "0123456789abcdef".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200; i++) out.write(chunk);
        }
        Kforge c = run(null, "compare", big.toString(), ok.toString());
        assertThat(c.exitCode()).as(c.toString()).isEqualTo(1);
        assertThat(c.out()).contains("only the first lines of a long log were aligned");
        Kforge d = run(null, "doctor", big.toString());
        assertThat(d.exitCode()).as(d.toString()).isEqualTo(1);
        assertThat(d.out()).contains("FAILED (incomplete)");
        Files.delete(big);
    }

    @Test
    void endlessStandardInputIsRefusedAsNoTextOrReadToTheBound() throws Exception {
        refused(run(Path.of("/dev/zero"), "doctor", "-"), "the log is not text");
        refused(run(Path.of("/dev/urandom"), "doctor", "-"), "the log is not text");
        Path fifo = tmp.resolve("endless");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        // "yes" writes one text line for ever: read up to the 1 GB bound, then one line
        Process yes = new ProcessBuilder("sh", "-c", "exec yes '[    1.000000] a console line' > " + fifo).start();
        try {
            refused(run(null, "doctor", fifo.toString()), "larger than 1 GB");
        } finally {
            yes.destroyForcibly();
        }
    }

    @Test
    void kconfigLoopsNestingAndMacros() throws Exception {
        refused(run(null, "config", "why", "--source", tree("source \"Kconfig\"\n"), "FOO"), "a loop");
        refused(run(null, "config", "why", "--source", tree("config FOO\n\tbool \"x\"\n\tdepends on " + "(".repeat(100_000) + "B"
                + ")".repeat(100_000) + "\n"), "FOO"), "more than the 1000 kforge reads");
        refused(run(null, "config", "why", "--source", tree("config FOO\n\tbool \"x\"\n\tdepends on " + "!".repeat(100_000) + "B\n"), "FOO"),
                "more than the 1000 kforge reads");
        refused(run(null, "config", "why", "--source", tree("config FOO\n\tbool \"x\"\n\tdepends on " + "(".repeat(300) + "B"
                + ")".repeat(300) + "\n"), "FOO"), "nested more than 200 deep");
        refused(run(null, "config", "why", "--source", tree("X = $(X)$(X)$(X)$(X)$(X)$(X)$(X)$(X)\nconfig FOO\n\tbool \"$(X)\"\n"), "FOO"),
                "expands past");
        refused(run(null, "config", "why", "--source", tree("X = $(X)\nconfig FOO\n\tbool \"$(X)\"\n"), "FOO"), "refers to itself");
    }

    private static int trees;

    private static String tree(String kconfig) throws IOException {
        Path t = tmp.resolve("linux" + trees++);
        Files.createDirectories(t.resolve("arch/arm64"));
        Files.writeString(t.resolve("Kconfig"), kconfig);
        return t.toString();
    }

    @Test
    void notANumberAndNoSuchFile() throws Exception {
        Path dev = Files.list(snap.resolve("sys/bus/pci/devices")).sorted().findFirst().orElseThrow().toRealPath();
        Path resource = dev.resolve("resource");
        String saved = Files.readString(resource);
        Files.writeString(resource, "0xzz 0x0 0x0\n");
        try {
            refused(run(null, "pci", "show", "--sysfs", snap.toString()), "not a resource line");
        } finally {
            Files.writeString(resource, saved);
        }
        Path group = dev.resolve("iommu_group");
        Path savedLink = Files.isSymbolicLink(group) ? Files.readSymbolicLink(group) : null;
        Files.deleteIfExists(group);
        Files.createSymbolicLink(group, Path.of("../../kernel/iommu_groups/x1"));
        try {
            refused(run(null, "pci", "show", "--sysfs", snap.toString()), "not to an IOMMU group number");
        } finally {
            Files.delete(group);
            if (savedLink != null) Files.createSymbolicLink(group, savedLink);
        }
        refused(run(null, "pci", "snapshot", "-o", "/proc/x"), "cannot write into /proc");
    }

    @Test
    void aCarriageReturnOnlyLogIsReadAsLines() throws Exception {
        Path cr = Files.writeString(tmp.resolve("cr.log"), "[    0.000000] Booting Linux on physical CPU 0x0\r"
                + "[    0.100000] Linux version 6.1.0-13-arm64 (debian-kernel@lists.debian.org) #1 SMP\r"
                + "[    1.000000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\r");
        Kforge d = run(null, "doctor", cr.toString());
        assertThat(d.exitCode()).isEqualTo(1);
        assertThat(d.out()).contains("first bad line 3:");
    }
}
