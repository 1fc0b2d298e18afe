package org.kforge.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kforge.KforgeException;

class ProfileRegistryTest {
    private final ProfileRegistry registry = ProfileRegistry.builtIn();

    @Test
    void defaultTwinIsPl011WithVirtioRoot() {
        MachineProfile p = registry.select(ProfileRegistry.DEFAULT);
        assertThat(p.console().device()).isEqualTo("ttyAMA0");
        assertThat(p.root().device()).isEqualTo("/dev/vda");
        assertThat(p.qemu().cpu()).containsEntry("tcg", "cortex-a72").containsEntry("kvm", "host");
        assertThat(p.qemu().machine()).isEqualTo("virt");
    }

    @Test
    void aliasesSelectTheSameProfile() {
        assertThat(registry.select("aarch64").name()).isEqualTo("qemu-virt-arm64");
        assertThat(registry.select("ARM64").name()).isEqualTo("qemu-virt-arm64");
    }

    @Test
    void unknownProfileListsTheValidOnes() {
        assertThatThrownBy(() -> registry.select("foo"))
                .isInstanceOf(KforgeException.class)
                .hasMessage("Unknown profile foo. Available: qemu-virt-arm64")
                .satisfies(e -> assertThat(((KforgeException) e).exitCode()).isEqualTo(2));
    }
}
