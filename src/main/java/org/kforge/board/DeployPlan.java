package org.kforge.board;

import java.nio.file.Path;
import java.util.List;
import org.kforge.profile.BoardProfile;

/**
 * A deploy before it runs, printable: the new kernel's files and where each goes (all under a new slot
 * directory of the boot partition, never over a file the running kernel uses), its modules, the lines added to
 * tryboot.txt (a copy of config.txt plus kforge's block) and, after a good trial boot, to config.txt.
 */
public record DeployPlan(BoardProfile board, String release, String slot, List<Copy> copies, Modules modules,
                         InitramfsBuild initramfs, List<String> appendWords, List<String> block) {

    /** One file to copy: from here, to there on the board, its size. */
    public record Copy(Path from, String to, long bytes, String what) {
    }

    /** The kernel's module tree: from a local {@code lib/modules/RELEASE} to the board's. */
    public record Modules(Path from, String to, int files, long bytes, String how) {
    }

    /** The initramfs kforge builds for the kernel (the board's root needs these modules first). */
    public record InitramfsBuild(Path to, List<String> modules) {
    }

    public String partition() {
        return board.firmware().partition();
    }

    public String slotDir() {
        return partition() + "/" + slot;
    }

    public String explain() {
        StringBuilder o = new StringBuilder();
        BoardProfile.Firmware f = board.firmware();
        o.append("board:     ").append(board.name()).append(" (").append(board.summary()).append(")\n");
        o.append("kernel:    ").append(release).append(" (release read from the image)\n");
        o.append("boot:      ").append(partition()).append(" (the firmware's FAT partition as the board mounts it)\n");
        o.append("slot:      ").append(slotDir()).append("/ (new files only; the running kernel's stay as they are)\n");
        o.append("console:   ").append(board.console().device()).append(", read by ")
                .append(board.console().reader() == null ? "(none)" : board.console().reader()).append('\n');
        o.append("power:     ").append(board.power() == null ? "none (reboot over ssh only)" : board.power().describe()).append("\n\n");
        o.append("copy over ssh (SFTP):\n");
        long total = 0;
        for (Copy c : copies) {
            o.append(String.format("  %s -> %s  %,d bytes  %s%n", c.from(), c.to(), c.bytes(), c.what()));
            total += c.bytes();
        }
        if (initramfs != null) {
            o.append(String.format("  %s -> %s/initramfs8  built by kforge: busybox + %s%n", "(initramfs)", slotDir(),
                    String.join(", ", initramfs.modules())));
        }
        if (modules != null) {
            o.append(modules.files() < 0
                    ? String.format("  %s -> %s  (%s)%n", modules.from(), modules.to(), modules.how())
                    : String.format("  %s -> %s  %,d files, %,d bytes (%s)%n", modules.from(), modules.to(), modules.files(),
                    modules.bytes(), modules.how()));
            total += modules.bytes();
        }
        o.append(String.format("  total %,d bytes%n", total));
        o.append("\n").append(slotDir()).append("/cmdline.txt: the board's current command line")
                .append(appendWords.isEmpty() ? "" : " + " + String.join(" ", appendWords)).append(" + kforge.slot=").append(slot).append('\n');
        o.append("\n").append(partition()).append('/').append(f.tryboot()).append(" = ").append(f.config())
                .append(" as it is on the board, then these lines:\n");
        for (String l : block) o.append("  + ").append(l).append('\n');
        o.append("\n").append(partition()).append('/').append(f.config()).append(": untouched for the trial\n");
        o.append("trial:     ").append(f.trybootReboot()).append("  (the firmware reads ").append(f.tryboot())
                .append(" once; a crash or reset returns to ").append(f.config()).append(")\n");
        o.append("watch:     the console, kforge's boot rules; good = ssh-ready running ").append(release)
                .append(" with kforge.slot=").append(slot).append('\n');
        o.append("good boot: ").append(f.config()).append(" gets the same lines (the old one kept as ").append(f.config())
                .append(".kforge-previous for --rollback)\n");
        o.append("bad boot:  power cycle -> the firmware boots ").append(f.config()).append(" -> the previous kernel; nothing of it changed\n");
        return o.toString();
    }
}
