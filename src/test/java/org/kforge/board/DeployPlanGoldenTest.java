package org.kforge.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kforge.cli.CliRun;

/**
 * {@code kforge deploy --board B --dry-run --kernel-tree T} per board and boot-partition layout against golden
 * files in src/test/resources/golden ({@code -Dgolden.update=true} rewrites them; a missing one fails). T is a
 * small build tree: an arm64 Image header with its banner, the two BCM2711 DTBs, an overlay, modules.order.
 */
class DeployPlanGoldenTest {
    @TempDir Path tree;

    private void buildTree() throws IOException {
        Path boot = Files.createDirectories(tree.resolve("arch/arm64/boot"));
        ByteBuffer header = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(16, 4096).putInt(56, 0x644d5241);
        header.position(64);
        header.put("Linux version 6.6.0-golden (kforge@golden) (aarch64-linux-gnu-gcc 12.2.0) #1 SMP PREEMPT\n"
                .getBytes(StandardCharsets.US_ASCII));
        Files.write(boot.resolve("Image"), header.array());
        Path dts = Files.createDirectories(boot.resolve("dts/broadcom"));
        Files.write(dts.resolve("bcm2711-rpi-4-b.dtb"), new byte[]{(byte) 0xd0, 0x0d, (byte) 0xfe, (byte) 0xed, 1, 2, 3});
        Files.write(dts.resolve("bcm2711-rpi-cm4-io.dtb"), new byte[]{(byte) 0xd0, 0x0d, (byte) 0xfe, (byte) 0xed, 4, 5});
        Path overlays = Files.createDirectories(boot.resolve("dts/overlays"));
        Files.write(overlays.resolve("disable-bt.dtbo"), new byte[]{(byte) 0xd0, 0x0d, (byte) 0xfe, (byte) 0xed});
        Files.writeString(tree.resolve("modules.order"), "drivers/usb/host/xhci-pci.ko\n");
    }

    @ParameterizedTest
    @CsvSource({"rpi4,", "rpi4,/boot", "rpi-cm4,", "rpi-cm4,/boot"})
    void dryRunPlanMatchesGolden(String board, String partition) throws IOException {
        buildTree();
        List<String> args = new ArrayList<>(List.of("deploy", "--board", board, "--dry-run", "--kernel-tree", tree.toString(),
                "--append", "earlycon=uart8250,mmio32,0xfe215040"));
        if (partition != null) args.addAll(List.of("--boot-partition", partition));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        String plan = r.out().replace(tree.toString(), "<T>");
        Path golden = Path.of("src/test/resources/golden", "deploy-" + board + (partition == null ? "-bookworm" : "-boot") + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, plan);
        }
        assertThat(golden).as("golden file missing: run mvn test -Dgolden.update=true and review it").exists();
        assertThat(plan).isEqualTo(Files.readString(golden));
    }
}
