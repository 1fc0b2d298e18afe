package org.kforge.kconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.KforgeException;

class KernelConfigTest {
    static final String A = """
            #
            # Automatically generated file; DO NOT EDIT.
            CONFIG_PCI=y
            CONFIG_USB=m
            # CONFIG_USB_XHCI_PCI_RENESAS is not set
            CONFIG_CMDLINE="console=ttyAMA0 root=/dev/vda"
            CONFIG_NR_CPUS=4
            CONFIG_PHYS_OFFSET=0x40000000
            CONFIG_GONE=y
            """;
    static final String B = """
            CONFIG_PCI=y
            CONFIG_USB=y
            CONFIG_USB_XHCI_PCI_RENESAS=m
            CONFIG_CMDLINE="console=ttyAMA0 root=/dev/vda"
            CONFIG_NR_CPUS=4
            CONFIG_PHYS_OFFSET=0x40000000
            # CONFIG_NEW is not set
            CONFIG_ADDED=y
            """;

    @Test
    void readsEveryKindOfValue() {
        KernelConfig c = KernelConfig.parse("a", A);
        assertThat(c.value("USB")).isEqualTo("m");
        assertThat(c.value("USB_XHCI_PCI_RENESAS")).isEqualTo("n");
        assertThat(c.value("CMDLINE")).isEqualTo("\"console=ttyAMA0 root=/dev/vda\"");
        assertThat(c.value("PHYS_OFFSET")).isEqualTo("0x40000000");
        assertThat(c.value("ABSENT")).isNull();
    }

    @Test
    void garbageLinesAreErrorsWithTheirLineNumber() {
        assertThatThrownBy(() -> KernelConfig.parse("frag.config", "CONFIG_A=y\n\nCONFIG_IOMMUFD=yes\n"))
                .isInstanceOf(KforgeException.class)
                .hasMessage("frag.config:3: not a config line: CONFIG_IOMMUFD=yes");
        assertThatThrownBy(() -> KernelConfig.parse("frag.config", "CONFIG_A=y\nIOMMUFD=y\n"))
                .hasMessageContaining("frag.config:2:");
        assertThatThrownBy(() -> KernelConfig.parse("f", "CONFIG_S=\"unterminated\n"))
                .hasMessageContaining("f:1:");
        assertThatThrownBy(() -> KernelConfig.parse("f", "# comment\n<<<<<<< HEAD\n"))
                .hasMessageContaining("f:2: not a config line: <<<<<<< HEAD");
    }

    @Test
    void readsGzipCapturesLikeProcConfigGz(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(A.getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("config.gz");
        Files.write(file, bytes.toByteArray());
        assertThat(KernelConfig.read(file).values()).isEqualTo(KernelConfig.parse("a", A).values());
    }

    @Test
    void diffIsDiffconfigsRemovedChangedAdded() {
        ConfigDiff d = ConfigDiff.of(KernelConfig.parse("a", A), KernelConfig.parse("b", B));
        assertThat(d.lines()).containsExactly(
                "-GONE y",
                " USB m -> y",
                " USB_XHCI_PCI_RENESAS n -> m",
                "+ADDED y",
                "+NEW n");
        assertThat(d.mergeLines()).containsExactly(
                "CONFIG_USB=y",
                "CONFIG_USB_XHCI_PCI_RENESAS=m",
                "CONFIG_ADDED=y",
                "# CONFIG_NEW is not set");
    }
}
