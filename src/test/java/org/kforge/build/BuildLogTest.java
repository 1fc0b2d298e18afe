package org.kforge.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildLogTest {
    /** Shaped like a kbuild -j2 failure: gcc's own lines (aarch64-linux-gnu-gcc 12), then make's. */
    private static final String FAILED = """
              CC      kernel/fork.o
              CC      drivers/usb/host/xhci-pci-renesas.o
            drivers/usb/host/xhci-pci-renesas.c: In function ‘renesas_fw_check’:
            drivers/usb/host/xhci-pci-renesas.c:42:22: error: ‘undefined_thing’ undeclared (first use in this function)
               42 | int f(void) { return undefined_thing; }
                  |                      ^~~~~~~~~~~~~~~
            drivers/usb/host/xhci-pci-renesas.c:42:22: note: each undeclared identifier is reported only once
              CC      kernel/exit.o
            kernel/exit.c:7:1: error: expected ‘;’ before ‘}’ token
            make[4]: *** [scripts/Makefile.build:250: drivers/usb/host/xhci-pci-renesas.o] Error 1
            make: *** [Makefile:2012: .] Error 2
            """;

    @Test
    void theFirstCompilerErrorWithFileAndLineNotTheLastLines() {
        BuildLog log = new BuildLog();
        FAILED.lines().forEach(log::accept);
        assertThat(log.firstError()).isEqualTo("drivers/usb/host/xhci-pci-renesas.c:42: error: "
                + "‘undefined_thing’ undeclared (first use in this function)");
        assertThat(log.steps()).isEqualTo(3);
        assertThat(log.lastStep()).isEqualTo("CC kernel/exit.o");
    }

    @Test
    void linkerErrorsCountWhenTheCompilerSaidNothing() {
        BuildLog log = new BuildLog();
        log.accept("  LD      vmlinux.o");
        log.accept("aarch64-linux-gnu-ld: kernel/fork.o: in function `copy_process':");
        log.accept("fork.c:(.text+0x1234): undefined reference to `renesas_xhci_check_request_fw'");
        assertThat(log.firstError())
                .isEqualTo("fork.c:(.text+0x1234): undefined reference to `renesas_xhci_check_request_fw'");
    }
}
