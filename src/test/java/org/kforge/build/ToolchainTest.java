package org.kforge.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kforge.KforgeException;

class ToolchainTest {
    @Test
    void aMissingCrossCompilerNamesTheDebianPackage() {
        assertThatThrownBy(() -> Toolchain.detect("arm64", Map.of("PATH", "/nonexistent")))
                .isInstanceOfSatisfying(KforgeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.hint()).contains("apt-get install gcc-aarch64-linux-gnu");
                });
    }

    @Test
    void theEnvironmentWins() {
        assertThat(Toolchain.detect("arm64", Map.of("CROSS_COMPILE", "aarch64-none-elf-")).makeVariables())
                .containsExactly("ARCH=arm64", "CROSS_COMPILE=aarch64-none-elf-");
        assertThat(Toolchain.detect("arm64", Map.of("LLVM", "1")).makeVariables()).containsExactly("ARCH=arm64", "LLVM=1");
    }
}
