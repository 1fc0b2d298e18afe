package org.kforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kforge.Golden;
import org.kforge.cli.CliRun;
import org.kforge.image.CpioNewcWriter;
import org.kforge.qemu.FakeImages;

/**
 * {@code kforge lab job} for the twin and for rpi4 against golden files, and each job through LAVA's own
 * validator (lava_common.schemas.validate of Debian's lava-dispatcher, strict: no field LAVA does not know).
 */
class LavaJobGoldenTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"twin", "twin-disk", "rpi4"})
    void jobMatchesGoldenAndLavaAcceptsIt(String name) throws Exception {
        Path kernel = FakeImages.arm64(tmp.resolve("Image"));
        Path initrd = tmp.resolve("initrd.cpio.gz");
        try (OutputStream o = Files.newOutputStream(initrd); CpioNewcWriter cpio = new CpioNewcWriter(o)) {
            cpio.file("init", 0755, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        }
        Path job = tmp.resolve(name + ".yaml");
        List<String> args = new ArrayList<>(List.of("lab", "job", "--accel", "tcg", "--kernel", kernel.toString(), "--initrd", initrd.toString(),
                "-o", job.toString(), "--out", tmp.resolve("run").toString()));
        if (name.equals("twin-disk")) {
            Path disk = Files.write(tmp.resolve("disk.img"), new byte[4096]);
            args.addAll(List.of("--disk", disk.toString(), "--append", "root=/dev/vda rw", "--timeout", "90"));
        }
        if (name.equals("rpi4")) args.addAll(List.of("--board", "rpi4", "--dtb", dtb().toString(), "--append", "loglevel=7"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        validate(job);
        Golden.check(Path.of("src/test/resources/golden/lab-job." + name + ".yaml"), Files.readString(job).replace(tmp.toString(), "@TMP@"));
    }

    /** LAVA's own job schema, as lava-server checks a submitted job. */
    private static void validate(Path job) throws Exception {
        String check = "import sys, yaml\nfrom lava_common.schemas import validate\n"
                + "validate(yaml.safe_load(open(sys.argv[1])), strict=True)\nprint('valid')\n";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", check, job.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("LAVA's validator on %s (Debian's lava-dispatcher, scripts/host-packages group lava)", job).isEqualTo("valid\n");
    }

    private Path dtb() throws IOException, InterruptedException {
        Path dts = Files.writeString(tmp.resolve("b.dts"), "/dts-v1/;\n/ { compatible = \"raspberrypi,4-model-b\", \"brcm,bcm2711\"; };\n");
        Path dtb = tmp.resolve("bcm2711-rpi-4-b.dtb");
        Process p = new ProcessBuilder("dtc", "-I", "dts", "-O", "dtb", "-o", dtb.toString(), dts.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        return dtb;
    }
}
