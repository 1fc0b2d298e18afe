package org.kforge.twin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.asset.HostCommand;
import org.kforge.asset.KernelPackage;
import org.kforge.image.KernelInitramfs;

/**
 * The twin's disk, laid out as a Raspberry Pi's SD card: an MBR, partition 1 a FAT32 boot partition with the
 * Pi's files (config.txt, cmdline.txt, the kernel and its initramfs, as Debian's raspi-firmware package
 * names them), partition 2 the Debian root (kforge's cached image, copied) with /boot/firmware in its fstab.
 * Built without mounting anything: mkfs.fat --offset, mtools, debugfs, dd.
 */
public final class TwinDisk {
    public static final long BOOT_BYTES = 512L << 20; // as Bookworm's images: FAT32 needs 65525+ clusters
    public static final String FILE = "disk.img";
    private static final String ROOT_DEVICE = "/dev/vda2";

    private TwinDisk() {
    }

    public static FatPartition boot(Path disk) {
        return new FatPartition(disk, MbrDisk.FIRST * MbrDisk.SECTOR);
    }

    /** Makes {@code dir/disk.img}; {@code initramfsModules} are what the kernel needs before its root. */
    public static Path create(Path dir, KernelPackage kernel, Path busybox, Path rootfs, String console,
                              List<String> initramfsModules, Consumer<String> status) throws IOException {
        Files.createDirectories(dir);
        Path disk = dir.resolve(FILE);
        Path partial = dir.resolve(FILE + ".partial");
        long rootBytes = Files.size(rootfs);
        MbrDisk.write(partial, BOOT_BYTES, rootBytes, MbrDisk.rootOffset(BOOT_BYTES) + rootBytes);
        status.accept("twin disk: FAT32 boot partition (mkfs.fat, mtools)");
        FatPartition fat = new FatPartition(partial, MbrDisk.FIRST * MbrDisk.SECTOR);
        fat.format(BOOT_BYTES, "BOOT");
        String rel = kernel.release();
        Path initrd = dir.resolve("initrd.img-" + rel);
        KernelInitramfs.write(busybox, kernel.tree().resolve("lib/modules"), rel, initramfsModules, initrd);
        fat.put(kernel.image(), "vmlinuz-" + rel);
        fat.put(initrd, "initrd.img-" + rel);
        Files.delete(initrd);
        fat.put(config(rel), "config.txt");
        fat.put("console=" + console + " root=" + ROOT_DEVICE + " panic=-1\n", "cmdline.txt");
        status.accept("twin disk: Debian root partition (a copy of " + rootfs.getFileName() + ", fstab by debugfs)");
        Path root = dir.resolve("root.ext4.partial");
        try {
            HostCommand.run(List.of("cp", "--sparse=always", rootfs.toString(), root.toString()), null, "copying the root image", null);
            editRoot(dir, root);
            HostCommand.run(List.of("dd", "if=" + root, "of=" + partial, "bs=1M", "seek=" + (MbrDisk.rootOffset(BOOT_BYTES) >> 20),
                    "conv=sparse,notrunc", "status=none"), null, "writing the root partition", null);
        } finally {
            Files.deleteIfExists(root);
        }
        Files.move(partial, disk, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return disk;
    }

    /** The config.txt of the twin's first kernel, as Debian's raspi-firmware writes one (kernel=, initramfs). */
    static String config(String release) {
        return "# the twin's boot partition in the Raspberry Pi's layout (config.txt: Raspberry Pi documentation)\n"
                + "[all]\narm_64bit=1\nenable_uart=1\n"
                + "kernel=vmlinuz-" + release + "\n"
                + "initramfs initrd.img-" + release + " followkernel\n";
    }

    /** The root's fstab: itself on partition 2, the boot partition at /boot/firmware (Bookworm's place). */
    private static void editRoot(Path dir, Path root) throws IOException {
        Path fstab = dir.resolve("fstab.partial");
        Path cmds = dir.resolve("debugfs.partial");
        try {
            Files.writeString(fstab, ROOT_DEVICE + " / ext4 defaults 0 1\n/dev/vda1 /boot/firmware vfat defaults,nofail 0 2\n");
            Files.writeString(cmds, "rm /etc/fstab\nwrite " + fstab + " /etc/fstab\nmkdir /boot\nmkdir /boot/firmware\n");
            HostCommand.run(List.of("debugfs", "-w", "-f", cmds.toString(), root.toString()), null, "debugfs on the twin's root",
                    "apt-get install e2fsprogs");
        } finally {
            Files.deleteIfExists(fstab);
            Files.deleteIfExists(cmds);
        }
        String check = HostCommand.run(List.of("debugfs", "-R", "cat /etc/fstab", root.toString()), null, "debugfs", null);
        if (!check.contains("/boot/firmware")) throw new KforgeException(3, "debugfs did not write the twin's fstab", null);
    }
}
