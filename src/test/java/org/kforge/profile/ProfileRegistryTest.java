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
    void theXenTwinIsDom0OnHvc0WithXensOwnCommandLine() {
        MachineProfile xen = registry.select("xen");
        assertThat(xen.console().device()).isEqualTo("hvc0");
        assertThat(xen.qemu().machineOptions()).contains("virtualization=on", "gic-version=3");
        assertThat(xen.hypervisor().cmdline()).contains("console=dtuart", "dtuart=/pl011@9000000");
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
                .hasMessage("Unknown profile foo. Available: qemu-virt-arm64, qemu-virt-arm64-xen")
                .satisfies(e -> assertThat(((KforgeException) e).exitCode()).isEqualTo(2));
    }
}
