package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.TerminalText;
import org.kforge.dt.DtbBuilder;
import org.kforge.pci.Snapshots;

/**
 * Text that came from a target or a file never reaches the terminal raw: every text command runs on inputs
 * carrying ESC, CSI, OSC (with its payload), C1 controls and NUL, and nothing but newline and tab of the
 * control characters may reach stdout or stderr. JSON output keeps the text exactly, escaped.
 */
class ControlBytesTest {
    /** A CSI colour, an OSC title with its payload, an OSC 8 link ended by ST, C1 CSI and OSC, NUL, BEL, DEL, CR. */
    static final String HOSTILE = "\u001B[31mred\u001B[0m \u001B]0;pwned\u0007 \u001B]8;;http://x\u001B\\link\u001B]8;;\u001B\\ "
            + "\u009B2J \u009D0;c1\u009C nul\u0000 bel\u0007 del\u007F bs\b";
    /** The same without NUL and CR, for file names and the lines of a capture. */
    static final String NAME = "\u001B]0;pwned\u0007\u001B[2J\u009Bx";

    @TempDir
    Path tmp;
    private final List<String> ran = new ArrayList<>();

    private CliRun run(String... args) {
        CliRun r = CliRun.of(args);
        String all = r.out() + r.err();
        for (int i = 0; i < all.length(); i++) {
            if (TerminalText.needsEscape(all.charAt(i))) {
                int from = Math.max(0, i - 40);
                fail("kforge %s printed a raw U+%04X: ...%s", String.join(" ", args), (int) all.charAt(i),
                        TerminalText.visible(all.substring(from, Math.min(all.length(), i + 40))));
            }
        }
        ran.add(String.join(" ", args));
        return r;
    }

    private Path write(String name, String text) throws IOException {
        return Files.write(tmp.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void clear() {
        ran.clear();
    }

    @Test
    void consoleLogsThroughDoctorAndCompare() throws IOException {
        String good = "[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd083]\n"
                + "[    0.000000] Linux version 6.1.0-13-arm64 (debian-kernel@lists.debian.org) #1 SMP\n";
        Path a = write("a" + NAME + ".log", good + "[    0.500000] " + HOSTILE + "\n"
                + "[    0.600000] mmc0: error -6\u001B]0;pwned\u0007 whilst initialising SD card\n"
                + "[    1.000000] Kernel panic - not syncing: VFS: Unable to mount root fs on " + HOSTILE + "\n");
        Path b = write("b.log", good + "[    0.500000] \u009B31m" + HOSTILE + "\n[    0.700000] kforge-init: ready\n");
        CliRun d = run("doctor", a.toString());
        assertThat(d.out()).contains("^[]0;pwned^G").doesNotContain("error -60;pwned");
        run("doctor", a.toString(), b.toString());
        CliRun json = run("doctor", "--json", a.toString());
        assertThat(json.out()).as("JSON keeps the text exactly, escaped").contains("\\u001B]0;pwned\\u0007");
        run("compare", a.toString(), b.toString());
        run("compare", "--json", a.toString(), b.toString());
        run("doctor", tmp.resolve("missing" + NAME).toString());
    }

    @Test
    void deviceTreesThroughEveryDtCommand() throws IOException {
        byte[] evil = new DtbBuilder().begin("").cells("#address-cells", 1).cells("#size-cells", 1).string("model", HOSTILE)
                .begin("soc" + NAME).string("compatible", "simple-bus").cells("#address-cells", 1).cells("#size-cells", 1)
                .cells("ranges", 0x7e000000L, 0xfe000000L, 0x1800000).cells("dma-ranges", 0xc0000000L, 0, 0x40000000)
                .begin("dev" + NAME + "@7e201000").string("compatible", "evil" + NAME).cells("reg", 0x7e201000L, 0x200)
                .prop("bad\u009Bname" + NAME, new byte[] {1, 2, 0x1b, 0x5b}).end().end().end().build();
        byte[] plain = new DtbBuilder().begin("").cells("#address-cells", 1).cells("#size-cells", 1).string("model", "plain").end().build();
        Path e = Files.write(tmp.resolve("evil.dtb"), evil);
        Path p = Files.write(tmp.resolve("plain.dtb"), plain);
        String node = "/soc" + NAME + "/dev" + NAME + "@7e201000";
        assertThat(run("dt", "show", e.toString()).out()).contains("^[]0;pwned^G");
        run("dt", "show", e.toString(), node);
        run("dt", "find", e.toString(), "--compatible", "evil" + NAME);
        run("dt", "diff", p.toString(), e.toString());
        run("dt", "translate", e.toString(), node);
        run("dt", "dma", e.toString(), node);
        run("dt", "dma", e.toString(), node, "--cpu", "0x1000");
        run("dt", "show", e.toString(), "/nosuch" + NAME);
    }

    @Test
    void pciSnapshotsThroughPciAndVfio() throws IOException {
        Path snap = Snapshots.unpack("twin-smmu", tmp);
        Path dev = snap.resolve("sys/bus/pci/devices/0000:00:02.0").toRealPath();
        Files.delete(dev.resolve("driver"));
        Files.createDirectories(snap.resolve("sys/bus/pci/drivers/xhci" + NAME));
        Files.createSymbolicLink(dev.resolve("driver"), dev.relativize(snap.resolve("sys/bus/pci/drivers/xhci" + NAME)));
        Files.writeString(snap.resolve("sys/kernel/iommu_groups/0/type"), HOSTILE);
        Files.createDirectories(snap.resolve("sys/class/iommu/smmu" + NAME));
        String s = snap.toString();
        assertThat(run("pci", "show", "--sysfs", s, "00:02.0").out()).contains("xhci^[]0;pwned^G");
        run("pci", "show", "--sysfs", s);
        run("pci", "list", "--sysfs", s);
        run("pci", "list", "-t", "--sysfs", s);
        run("pci", "iommu", "--sysfs", s);
        run("vfio", "check", "--sysfs", s, "00:02.0");
        run("vfio", "bind", "--sysfs", s, "00:02.0");
        run("pci", "show", "--sysfs", s, "00:02" + NAME);
        Path capture = write("capture.log", "kfpci begin 1 6.1\nkfpci D /sys/" + NAME + "/../x\nkfpci end 0\n");
        run("pci", "snapshot", "--from", capture.toString(), "-o", tmp.resolve("out").toString());
    }

    @Test
    void kernelConfigsThroughConfigCommands() throws IOException {
        Path a = write("a.config", "CONFIG_CMDLINE=\"console=ttyAMA0 " + HOSTILE.replace("\"", "") + "\"\nCONFIG_PCI=y\n");
        Path b = write("b.config", "CONFIG_CMDLINE=\"" + NAME + "\"\n# CONFIG_PCI is not set\nCONFIG_NEW" + "=y\n");
        Path bad = write("bad.config", "CONFIG_X=\u0000" + HOSTILE + "\n");
        assertThat(run("config", "diff", a.toString(), b.toString()).out()).contains("^[");
        run("config", "diff", "-m", a.toString(), b.toString());
        run("config", "diff", bad.toString(), b.toString());
        run("config", "check", a.toString());
        Path tree = tmp.resolve("linux");
        Files.createDirectories(tree.resolve("arch/arm64"));
        Files.writeString(tree.resolve("Kconfig"), "config FOO\n\tbool \"foo " + NAME + "\"\n\tdepends on BAR\n\n"
                + "config BAR\n\tbool \"bar " + NAME + "\"\n\tselect BAZ" + NAME + "\n");
        Files.writeString(tree.resolve(".config"), "# CONFIG_BAR is not set\n");
        run("config", "why", "--source", tree.toString(), "FOO");
        run("config", "why", "--source", tree.toString(), "BAR" + NAME);
    }
}
