package org.kforge.dt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kforge.asset.CacheDir;
import org.kforge.asset.DebianAssets;
import org.kforge.asset.KernelPackage;

/** The real device trees integration tests read: Debian's arm64 kernel package (cached) and QEMU's virt board. */
final class RealDtbs {
    private static Path dir;

    private RealDtbs() {
    }

    /** usr/lib/linux-image-REL of Debian's linux-image-arm64, downloaded once into the kforge cache. */
    static synchronized Path debianDir() {
        if (dir == null) {
            var assets = new DebianAssets(CacheDir.fromEnvironment(), "arm64", System.err::println);
            var tree = assets.tree("linux-image-arm64", true, false);
            dir = KernelPackage.in(tree, assets.provenance("linux-image-arm64")).dtbDir();
        }
        return dir;
    }

    static List<Path> allDebian() throws IOException {
        try (var s = Files.walk(debianDir())) {
            return s.filter(p -> p.toString().endsWith(".dtb")).sorted().toList();
        }
    }

    static Path cm4() {
        return debianDir().resolve("broadcom/bcm2711-rpi-cm4-io.dtb");
    }

    /** QEMU's own DTB for -machine virt with a Cortex-A72, dumped into {@code dir}. */
    static Path qemuVirt(Path dir) throws Exception {
        Path out = dir.resolve("virt.dtb");
        // -nic none: no default NIC, whose option ROM only ipxe-qemu (a Recommends) ships
        run(List.of("qemu-system-aarch64", "-machine", "virt,dumpdtb=" + out, "-cpu", "cortex-a72", "-nographic", "-nic", "none"));
        return out;
    }

    /** Runs a host tool, fails on a non-zero exit, returns stdout. */
    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish in 60 s");
        }
        if (p.exitValue() != 0) throw new AssertionError(cmd + " exited " + p.exitValue());
        return out;
    }
}
