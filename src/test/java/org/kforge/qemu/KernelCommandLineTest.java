package org.kforge.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;

class KernelCommandLineTest {
    private final MachineProfile virt = ProfileRegistry.builtIn().select("qemu-virt-arm64");

    @Test
    void profileConsolePanicAndWordsComeFirst() {
        assertThat(KernelCommandLine.build(virt, null)).isEqualTo("console=ttyAMA0 panic=-1 cryptomgr.notests");
        assertThat(KernelCommandLine.build(virt, " root=/dev/vda  rw"))
                .isEqualTo("console=ttyAMA0 panic=-1 cryptomgr.notests root=/dev/vda rw");
    }

    @Test
    void aUserConsoleReplacesTheProfiles() {
        assertThat(KernelCommandLine.build(virt, "console=ttyS0")).isEqualTo("panic=-1 cryptomgr.notests console=ttyS0");
    }

    @Test
    void aUserWordWithTheSameKeyReplacesTheProfilesOwn() {
        // crypto/testmgr.c: notests is a bool parameter, so =0 runs the self-tests again
        assertThat(KernelCommandLine.build(virt, "cryptomgr.notests=0")).isEqualTo("console=ttyAMA0 panic=-1 cryptomgr.notests=0");
    }

    @Test
    void lastValueWins() {
        assertThat(KernelCommandLine.value("console=ttyS0 root=/dev/sda console=ttyAMA0", "console")).isEqualTo("ttyAMA0");
        assertThat(KernelCommandLine.value("quiet", "root")).isNull();
    }
}
