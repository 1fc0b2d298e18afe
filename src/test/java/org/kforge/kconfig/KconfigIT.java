package org.kforge.kconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kforge.asset.CacheDir;
import org.kforge.asset.DebianAssets;
import org.kforge.asset.KernelPackage;
import org.kforge.asset.LinuxSource;
import org.kforge.it.Kforge;

/** The Kconfig reader and kforge config on Debian's real linux-source-6.1 and its real arm64 config. */
class KconfigIT {
    static Path source;
    static KconfigTree tree;

    @BeforeAll
    static void readTree() {
        source = LinuxSource.tree(CacheDir.fromEnvironment(), System.err::println);
        tree = KconfigReader.read(source, "arm64");
    }

    @Test
    void everyArm64KconfigFileParses() {
        assertThat(tree.fileCount()).isGreaterThan(1400);
        assertThat(tree.symbolCount()).isGreaterThan(15000);
        assertThat(tree.symbol("ARM64").definitions().get(0).where()).isEqualTo("arch/arm64/Kconfig:2");
        assertThat(tree.symbol("X86_64")).as("arch/x86 is not sourced for SRCARCH=arm64").isNull();
        assertThat(tree.symbol("IOMMUFD")).as("IOMMUFD came in 6.2").isNull();
    }

    /** Hand-checked against the 6.1 Kconfig files: enclosing if/menu conditions first, then depends on. */
    @Test
    void dependenciesMatchTheKconfigFiles() {
        String expected = """
                USB_XHCI_PCI_RENESAS      | USB_SUPPORT && USB && USB_XHCI_HCD
                USB_XHCI_PCI              | USB_SUPPORT && USB && USB_XHCI_HCD && USB_PCI \
                && (USB_XHCI_PCI_RENESAS || !USB_XHCI_PCI_RENESAS)
                USB_XHCI_HCD              | USB_SUPPORT && USB && HAS_DMA && HAS_IOMEM
                USB                       | USB_SUPPORT && USB_ARCH_HAS_HCD
                USB_PCI                   | USB_SUPPORT && PCI
                VIRTIO_BLK                | BLK_DEV && VIRTIO
                VIRTIO_PCI                | VIRTIO_MENU && PCI
                VIRTIO_NET                | NETDEVICES && NET_CORE && VIRTIO
                EXT4_FS                   | BLOCK
                SERIAL_AMBA_PL011         | TTY && HAS_IOMEM && ARM_AMBA
                SERIAL_AMBA_PL011_CONSOLE | TTY && HAS_IOMEM && SERIAL_AMBA_PL011=y
                RD_GZIP                   | BLK_DEV_INITRD
                PCI_HOST_GENERIC          | PCI && PCI && OF
                ARM_SMMU_V3               | IOMMU_SUPPORT && ARM64
                VFIO_PCI                  | VFIO && PCI && MMU
                VFIO_NOIOMMU              | VFIO
                """;
        for (String row : expected.lines().toList()) {
            String[] cell = row.split("\\|", 2);
            assertThat(tree.symbol(cell[0].strip()).dependency()).as(cell[0]).hasToString(cell[1].strip());
        }
        assertThat(tree.symbol("DEVTMPFS").dependency()).isNull();
        assertThat(tree.selectedBy("EXT4_FS")).extracting(c -> c.from().symbol).containsExactly("EXT3_FS");
        assertThat(tree.selectedBy("BLK_DEV_INITRD")).singleElement()
                .satisfies(c -> assertThat(c.cond()).hasToString("!BOOT_CONFIG_EMBED"));
    }

    @Test
    void whyNamesTheIfBlocksThatDropRenesasOnTinyconfig() throws Exception {
        Path build = Files.createTempDirectory("kforge-tiny");
        Process make = new ProcessBuilder("make", "-s", "ARCH=arm64", "O=" + build, "tinyconfig")
                .directory(source.toFile()).redirectErrorStream(true).redirectOutput(build.resolve("make.log").toFile())
                .start();
        assertThat(make.waitFor(300, TimeUnit.SECONDS) && make.exitValue() == 0).as(Files.readString(build.resolve("make.log")))
                .isTrue();
        Kforge why = Kforge.run("config", "why", "CONFIG_USB_XHCI_PCI_RENESAS", "--source", source.toString(), "-O",
                build.toString());
        assertThat(why.exitCode()).as(why.toString()).isZero();
        assertThat(why.out()).contains("Depends on: USB_SUPPORT [=n] && USB [=n] && USB_XHCI_HCD [=n]  => n",
                "if USB [n]  (drivers/usb/Kconfig:94)", "if USB_XHCI_HCD [n]  (drivers/usb/host/Kconfig:30)",
                "CONFIG_USB_XHCI_HCD=y\n    CONFIG_USB_XHCI_PCI_RENESAS=y");
        assertThat(why.out()).as("not PCI or USB_XHCI_PCI, as the issue guessed: only the if blocks")
                .containsOnlyOnce("Depends on: ").contains("USB_XHCI_PCI [=n] depends on USB_XHCI_PCI_RENESAS"
                        + " || !USB_XHCI_PCI_RENESAS  (drivers/usb/host/Kconfig:40)");

        Path merged = Files.createTempFile("merged", ".config");
        Files.writeString(merged, Files.readString(build.resolve(".config"))
                + "CONFIG_PCI=y\nCONFIG_USB=m\n# CONFIG_NO_IOPORT_MAP is not set\nCONFIG_CMDLINE=\"console=ttyAMA0\"\n");
        for (String flag : List.of("", "-m")) {
            List<String> args = new java.util.ArrayList<>(List.of("config", "diff"));
            if (!flag.isEmpty()) args.add(flag);
            args.addAll(List.of(build.resolve(".config").toString(), merged.toString()));
            Kforge ours = Kforge.run(args.toArray(String[]::new));
            List<String> theirs = new java.util.ArrayList<>(List.of("python3", source.resolve("scripts/diffconfig").toString()));
            theirs.addAll(args.subList(2, args.size()));
            Process p = new ProcessBuilder(theirs).start();
            String expected = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).isZero();
            assertThat(ours.out()).as("kforge config diff " + flag + " against scripts/diffconfig").isEqualTo(expected)
                    .isNotEmpty();
        }

        Kforge check = Kforge.run("config", "check", build.resolve(".config").toString());
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).contains("missing  CONFIG_SERIAL_AMBA_PL011=n", "missing  CONFIG_VIRTIO_BLK=n",
                "missing  CONFIG_EXT4_FS=n", "missing  CONFIG_DEVTMPFS=n", "verdict: 11 option(s) missing");
    }

    @Test
    void renesasAsModuleCapsXhciPciAtModule() throws Exception {
        Path cfg = Files.createTempFile("renesas", ".config");
        Files.write(cfg, List.of("CONFIG_PCI=y", "CONFIG_USB_SUPPORT=y", "CONFIG_USB_ARCH_HAS_HCD=y", "CONFIG_USB=y",
                "CONFIG_USB_PCI=y", "CONFIG_USB_XHCI_HCD=y", "CONFIG_USB_XHCI_PCI_RENESAS=m", "CONFIG_USB_XHCI_PCI=m"));
        WhyReport why = new WhyReport(tree, KernelConfig.read(cfg));
        assertThat(String.join("\n", why.explain("USB_XHCI_PCI_RENESAS", "y"))).contains("Limits:",
                "USB_XHCI_PCI [=m] depends on USB_XHCI_PCI_RENESAS || !USB_XHCI_PCI_RENESAS",
                "with =m at most m");
        assertThat(String.join("\n", why.explain("USB_XHCI_PCI", "y")))
                .contains("Held at m by:\n    USB_XHCI_PCI_RENESAS [=m] || !USB_XHCI_PCI_RENESAS [=m]  => m");
    }

    @Test
    void debiansArm64ConfigNeedsItsDiskAndFilesystemInTheInitramfs() throws Exception {
        DebianAssets debs = new DebianAssets(CacheDir.fromEnvironment(), "arm64", System.err::println);
        KernelPackage pkg = KernelPackage.in(debs.tree("linux-image-arm64", true, false), "linux-image-arm64");
        Kforge check = Kforge.run("config", "check", "--profile", "qemu-virt-arm64", pkg.config().toString());
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("module   CONFIG_VIRTIO_BLK=m", "module   CONFIG_EXT4_FS=m",
                "ok       CONFIG_SERIAL_AMBA_PL011_CONSOLE=y",
                "modules the initramfs must carry: virtio_pci virtio_blk ext4 virtio_net");
    }
}
