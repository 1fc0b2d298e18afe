package org.kforge.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SystemMapTest {
    // lines as /proc/kallsyms prints them for Debian's 6.1 arm64 kernel, with console noise around
    private final SystemMap map = SystemMap.parse(List.of(
            "kforge-kallsyms",
            "ffff800008000000 T _text",
            "ffff8000096609f4 T start_kernel",
            "ffff800009660e40 t kernel_init",
            "ffff800009a00000 D linux_banner",
            "[    4.1] reboot: Power down"));

    @Test
    void namesResolveToAddresses() {
        assertThat(map.address("start_kernel")).isEqualTo(0xffff8000096609f4L);
        assertThat(map.address("nonexistent")).isNull();
    }

    @Test
    void addressesResolveToTheTextSymbolBelowThem() {
        assertThat(map.symbolize(0xffff8000096609f4L)).isEqualTo("start_kernel");
        assertThat(map.symbolize(0xffff800009660a00L)).isEqualTo("start_kernel+0xc");
        assertThat(map.symbolize(0x40000000L)).isNull();
        assertThat(map.size()).isEqualTo(4);
    }
}
