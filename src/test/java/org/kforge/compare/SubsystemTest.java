package org.kforge.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lines from a real dom0 boot under Xen 4.17 and from the bare twin (Debian's 6.1 arm64 kernel). */
class SubsystemTest {
    @Test
    void xensOwnLinesAndDom0sXenDriversAreApart() {
        assertThat(Subsystem.of("(XEN) Grant table range: 0x00000040200000-0x00000040240000")).isEqualTo("(XEN) hypervisor");
        assertThat(Subsystem.of("xen:grant_table: Grant tables using version 1 layout")).isEqualTo("xen:grant_table");
        assertThat(Subsystem.of("xen:events: Using FIFO-based ABI")).isEqualTo("xen:events");
        assertThat(Subsystem.of("xen:balloon: Initialising balloon driver")).isEqualTo("xen:balloon");
        assertThat(Subsystem.of("Xen: initializing cpu0")).isEqualTo("xen");
    }

    @Test
    void printkPrefixesName() {
        assertThat(Subsystem.of("software IO TLB: mapped [mem 0x0000000052c00000-0x0000000053000000] (4MB)")).isEqualTo("software IO TLB");
        assertThat(Subsystem.of("pci 0000:00:01.0: Failed to add - passthrough or MSI/MSI-X might fail!")).isEqualTo("pci");
        assertThat(Subsystem.of("virtio_blk virtio1: [vda] 131072 512-byte logical blocks")).isEqualTo("virtio_blk");
        assertThat(Subsystem.of("mmc0: unrecognised SCR structure version 15")).isEqualTo("mmc0");
        assertThat(Subsystem.of("Grant table initialized")).isEqualTo("other");
    }
}
