package org.kforge.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kforge.KforgeException;

/** QEMU 7.2's own words when it will not start (captured from qemu-system-aarch64), and what kforge makes of them. */
class QemuStartFailureTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "qemu-system-aarch64: -device virtio-net-pci,netdev=net0: failed to find romfile \"efi-virtio.rom\""
                    + "|3|QEMU cannot find the option ROM efi-virtio.rom|apt-get install ipxe-qemu",
            "qemu-system-aarch64: -device virtio-net-pci,romfile=my.rom: failed to find romfile \"my.rom\""
                    + "|2|QEMU cannot find the option ROM my.rom|romfile=",
            "qemu-system-aarch64: could not load kernel '/tmp/huge'|2|QEMU could not load the kernel /tmp/huge|arm64 Image",
            "qemu-system-aarch64: could not load initrd '/tmp/i'|2|QEMU could not load the initramfs /tmp/i|--initrd",
            "qemu-system-aarch64: -drive file=/x.img,format=raw,if=none,id=disk0: Could not open '/x.img': Permission denied"
                    + "|2|QEMU could not open /x.img: Permission denied|readable",
            "qemu-system-aarch64: -drive file=d.img,if=none,id=disk0: Failed to get \"write\" lock"
                    + "|2|another process has the disk image open|copy",
            "qemu-system-aarch64: -accel kvm: Could not access KVM kernel module: No such file or directory"
                    + "|3|QEMU could not use KVM|--accel tcg",
            "qemu-system-aarch64: -device nosuch: 'nosuch' is not a valid device model name|2|this QEMU has no device nosuch|-device help",
            "qemu-system-aarch64: something new went wrong|2|QEMU stopped before the kernel printed anything: "
                    + "qemu-system-aarch64: something new went wrong|--dry-run",
    })
    void namesTheCauseAndWhoseItIs(String stderr, int exit, String message, String fix) {
        KforgeException e = QemuStartFailure.explain("some warning first\n" + stderr + "\n");
        assertThat(e.exitCode()).isEqualTo(exit);
        assertThat(e.getMessage()).contains(message);
        assertThat(e.hint()).contains(fix);
    }
}
