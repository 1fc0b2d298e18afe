package org.kforge.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.KforgeException;

/** The index of a module tree as depmod writes it for Debian's 6.1 arm64 kernel (lines copied from it). */
class ModuleIndexTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeIndex() throws IOException {
        Files.writeString(dir.resolve("modules.dep"), """
                kernel/fs/ext4/ext4.ko: kernel/lib/crc16.ko kernel/fs/mbcache.ko kernel/fs/jbd2/jbd2.ko
                kernel/lib/crc16.ko:
                kernel/fs/mbcache.ko:
                kernel/fs/jbd2/jbd2.ko:
                kernel/drivers/virtio/virtio_pci.ko: kernel/drivers/virtio/virtio_pci_legacy_dev.ko kernel/drivers/virtio/virtio_pci_modern_dev.ko
                kernel/drivers/virtio/virtio_pci_legacy_dev.ko:
                kernel/drivers/virtio/virtio_pci_modern_dev.ko:
                kernel/drivers/block/virtio_blk.ko:
                kernel/crypto/crc32c_generic.ko:
                """);
        Files.writeString(dir.resolve("modules.builtin"), "kernel/drivers/virtio/virtio.ko\nkernel/drivers/virtio/virtio_ring.ko\n");
        Files.writeString(dir.resolve("modules.softdep"), "# Soft dependencies\nsoftdep ext4 pre: crypto-crc32c\n");
        Files.writeString(dir.resolve("modules.alias"), "alias crypto-crc32c crc32c_generic\nalias fs-ext4 ext4\n");
    }

    @Test
    void dependenciesAndSoftDependenciesLoadFirst() {
        var order = ModuleIndex.read(dir).loadOrder(java.util.List.of("virtio_pci", "virtio_blk", "ext4"));
        assertThat(order.stream().map(p -> dir.relativize(p).toString())).containsExactly(
                "kernel/drivers/virtio/virtio_pci_legacy_dev.ko", "kernel/drivers/virtio/virtio_pci_modern_dev.ko",
                "kernel/drivers/virtio/virtio_pci.ko", "kernel/drivers/block/virtio_blk.ko",
                "kernel/crypto/crc32c_generic.ko", "kernel/lib/crc16.ko", "kernel/fs/mbcache.ko",
                "kernel/fs/jbd2/jbd2.ko", "kernel/fs/ext4/ext4.ko");
    }

    @Test
    void builtInModulesNeedNothing() {
        ModuleIndex idx = ModuleIndex.read(dir);
        assertThat(idx.isBuiltin("virtio")).isTrue();
        assertThat(idx.loadOrder(java.util.List.of("virtio", "virtio-ring"))).isEmpty();
    }

    @Test
    void anUnknownModuleIsNamed() {
        assertThatThrownBy(() -> ModuleIndex.read(dir).loadOrder(java.util.List.of("nvme")))
                .isInstanceOf(KforgeException.class).hasMessageContaining("nvme");
    }
}
