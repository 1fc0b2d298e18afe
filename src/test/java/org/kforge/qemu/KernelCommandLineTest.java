package org.kforge.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;

class KernelCommandLineTest {
    private final MachineProfile virt = ProfileRegistry.builtIn().select("qemu-virt-arm64");

    @Test
    void profileConsoleAndPanicComeFirst() {
        assertThat(KernelCommandLine.build(virt, null)).isEqualTo("console=ttyAMA0 panic=-1");
        assertThat(KernelCommandLine.build(virt, " root=/dev/vda  rw")).isEqualTo("console=ttyAMA0 panic=-1 root=/dev/vda rw");
    }

    @Test
    void aUserConsoleReplacesTheProfiles() {
        assertThat(KernelCommandLine.build(virt, "console=ttyS0")).isEqualTo("panic=-1 console=ttyS0");
    }

    @Test
    void lastValueWins() {
        assertThat(KernelCommandLine.value("console=ttyS0 root=/dev/sda console=ttyAMA0", "console")).isEqualTo("ttyAMA0");
        assertThat(KernelCommandLine.value("quiet", "root")).isNull();
    }
}
