package org.kforge.kconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.KforgeException;

class KconfigReaderTest {
    @TempDir Path src;

    private void write(String path, String text) throws IOException {
        Files.createDirectories(src.resolve(path).getParent());
        Files.writeString(src.resolve(path), text);
    }

    private KconfigTree sample() throws IOException {
        write("Kconfig", """
                mainmenu "Linux/$(ARCH) Kernel Configuration"
                cc-option = $(success,true $(1))
                source "arch/$(SRCARCH)/Kconfig"
                menuconfig USB_SUPPORT
                	bool "USB support"
                	default y
                if USB_SUPPORT
                config USB
                	tristate "USB host"
                	help
                	  Say Y.
                	  config NOT_A_SYMBOL
                
                	  still help
                if USB
                config XHCI
                	tristate "xHCI" # a comment
                	depends on PCI && \\
                		!BROKEN
                	select FW if XHCI_FW
                	imply LEDS
                	default m if USB=m
                endif
                endif
                choice
                	prompt "Mode"
                config A_MODE
                	bool "a"
                endchoice
                config CC_HAS_X
                	def_bool $(cc-option,-mfoo)
                """);
        write("arch/arm64/Kconfig", """
                menu "Platform"
                	depends on 64BIT
                config PCI
                	bool "PCI"
                endmenu
                """);
        return KconfigReader.read(src, "arm64");
    }

    @Test
    void enclosingIfAndMenuBlocksJoinTheDependency() throws IOException {
        KconfigTree t = sample();
        assertThat(t.symbol("XHCI").dependency()).hasToString("USB_SUPPORT && USB && PCI && !BROKEN");
        assertThat(t.symbol("PCI").dependency()).hasToString("64BIT");
        assertThat(t.symbol("PCI").definitions().get(0).where()).isEqualTo("arch/arm64/Kconfig:3");
        assertThat(t.symbol("NOT_A_SYMBOL")).as("help text is skipped by indentation").isNull();
        assertThat(t.selectedBy("FW")).singleElement().satisfies(c -> assertThat(c.cond()).hasToString("XHCI_FW"));
        assertThat(t.impliedBy("LEDS")).hasSize(1);
        assertThat(t.symbol("A_MODE").choice()).isNotNull();
        assertThat(t.symbol("CC_HAS_X").type()).isEqualTo("bool");
        assertThat(t.fileCount()).isEqualTo(2);
    }

    @Test
    void unbalancedBlocksAndUnknownKeywordsAreErrorsWithFileAndLine() throws IOException {
        write("Kconfig", "config A\n\tbool \"a\"\nif A\nconfig B\n\tbool\n");
        write("arch/arm64/Kconfig", "");
        assertThatThrownBy(() -> KconfigReader.read(src, "arm64")).isInstanceOf(KforgeException.class)
                .hasMessageContaining("Kconfig:").hasMessageContaining("if A").hasMessageContaining("not closed");
        write("Kconfig", "config A\n\tbool \"a\"\n\tdepnds on B\n");
        assertThatThrownBy(() -> KconfigReader.read(src, "arm64")).hasMessage("Kconfig:3: unknown keyword 'depnds'");
    }

    @Test
    void aDirectoryThatIsNoKernelTreeIsBadInput() {
        assertThatThrownBy(() -> KconfigReader.read(src, "arm64")).isInstanceOf(KforgeException.class)
                .hasMessageContaining("is not a kernel source tree");
    }
}
