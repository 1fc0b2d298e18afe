package org.kforge.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccelTest {
    @Test
    void foreignGuestRunsUnderTcgAndSaysWhy() {
        Accel a = Accel.choose("aarch64", new HostFacts("x86_64", true, null), null);
        assertThat(a.name()).isEqualTo("tcg");
        assertThat(a.reason()).contains("host is x86_64").contains("guest aarch64");
    }

    @Test
    void sameArchitectureWithUsableKvmRunsUnderKvm() {
        assertThat(Accel.choose("aarch64", new HostFacts("aarch64", true, null), null).isKvm()).isTrue();
    }

    @Test
    void sameArchitectureWithoutKvmPermissionSaysWhy() {
        Accel a = Accel.choose("aarch64", new HostFacts("aarch64", false, "/dev/kvm cannot be opened (Permission denied)"), null);
        assertThat(a.name()).isEqualTo("tcg");
        assertThat(a.reason()).contains("Permission denied");
    }

    @Test
    void javaArchNamesBecomeUnameNames() {
        assertThat(HostFacts.normalArch("amd64")).isEqualTo("x86_64");
        assertThat(HostFacts.normalArch("aarch64")).isEqualTo("aarch64");
    }
}
