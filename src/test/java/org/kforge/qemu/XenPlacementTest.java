package org.kforge.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.KforgeException;

class XenPlacementTest {
    private static final long MIB = 1L << 20;

    @TempDir
    Path tmp;

    /** A file with an arm64 Image header (booting.rst) and the given sizes, sparse. */
    private Path image(String name, long textOffset, long imageSize, long fileSize) throws IOException {
        Path p = tmp.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(8, textOffset).putLong(16, imageSize).putInt(56, 0x644d5241);
            f.write(b.array());
            f.setLength(fileSize);
        }
        return p;
    }

    @Test
    void aDebianSizedKernelGoesAboveTheDtbNotOntoIt() throws IOException {
        // Debian's 6.1 arm64 Image is 33 MB; at a fixed 0x47000000 it would cover the DTB at 0x48000000
        Path xen = image("xen", 0x200000, 0x12d000, 983048);
        Path kernel = image("vmlinuz", 0, 0x2a90000, 32956352);
        XenPlacement p = XenPlacement.compute(1024 * MIB, xen, kernel, 990_000);
        assertThat(p.find("device tree").start()).isEqualTo(0x48000000L);
        XenPlacement.Region k = p.find("dom0 kernel");
        assertThat(k.start()).isGreaterThanOrEqualTo(p.find("device tree").end()).isEqualTo(0x48200000L);
        assertThat(p.find("dom0 initramfs").start()).isGreaterThanOrEqualTo(k.end()).isEqualTo(0x4a200000L);
    }

    @Test
    void aSmallMachinePutsTheDtbAtHalfItsRam() throws IOException {
        Path xen = image("xen", 0x200000, 0x12d000, 983048);
        XenPlacement p = XenPlacement.compute(128 * MIB, xen, image("k", 0, 8 * MIB, 8 * MIB), -1);
        assertThat(p.find("device tree").start()).isEqualTo(0x40000000L + 64 * MIB);
        assertThat(p.find("dom0 initramfs")).isNull();
    }

    @Test
    void modulesThatDoNotFitAreBadInputNamingTheFix() throws IOException {
        Path xen = image("xen", 0x200000, 0x12d000, 983048);
        Path kernel = image("vmlinuz", 0, 0x2a90000, 32956352);
        assertThatThrownBy(() -> XenPlacement.compute(256 * MIB, xen, kernel, 200 * MIB))
                .isInstanceOf(KforgeException.class)
                .hasMessageContaining("dom0 initramfs").hasMessageContaining("does not fit")
                .satisfies(e -> assertThat(((KforgeException) e).hint()).contains("more memory"));
    }
}
