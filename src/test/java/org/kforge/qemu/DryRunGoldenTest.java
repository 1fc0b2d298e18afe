package org.kforge.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kforge.cli.CliRun;
import org.kforge.image.CpioNewcWriter;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;

/**
 * {@code kforge boot --dry-run} per profile against golden files in src/test/resources/golden
 * (as tuxlava's test_device.py does). {@code mvn test -Dgolden.update=true} rewrites them.
 */
class DryRunGoldenTest {
    @TempDir
    Path tmp;

    static Stream<String> cases() {
        List<String> out = new ArrayList<>();
        for (MachineProfile p : ProfileRegistry.builtIn().list()) {
            out.add(p.name() + ".plain");
            out.add(p.name() + ".disk");
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dryRunMatchesGolden(String golden) throws IOException {
        String profile = golden.substring(0, golden.lastIndexOf('.'));
        Path kernel = org.kforge.qemu.FakeImages.arm64(tmp.resolve("Image"));
        Path initrd = tmp.resolve("initrd.cpio.gz");
        try (OutputStream o = Files.newOutputStream(initrd); CpioNewcWriter cpio = new CpioNewcWriter(o)) {
            cpio.file("init", 0755, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        }
        List<String> args = new ArrayList<>(List.of("boot", "--dry-run", "--accel", "tcg", "--profile", profile,
                "--kernel", kernel.toString(), "--initrd", initrd.toString(), "--out", tmp.resolve("run").toString()));
        if (ProfileRegistry.builtIn().select(profile).hypervisor() != null) {
            args.addAll(List.of("--xen", org.kforge.qemu.FakeImages.arm64(tmp.resolve("xen")).toString()));
        }
        if (golden.endsWith(".disk")) {
            Path disk = Files.write(tmp.resolve("disk.img"), new byte[4096]);
            args.addAll(List.of("--disk", disk.toString(), "--append", "root=/dev/vda rw"));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        String actual = run.out().replace(tmp.toString(), "@TMP@");

        org.kforge.Golden.check(Path.of("src/test/resources/golden", golden + ".txt"), actual);
    }
}
