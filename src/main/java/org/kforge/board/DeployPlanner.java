package org.kforge.board;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.kforge.KforgeException;
import org.kforge.asset.ImageRelease;
import org.kforge.profile.BoardProfile;

/**
 * Makes a {@link DeployPlan} from what the user gave: the kernel image (its release read from it), the module
 * tree ({@code make INSTALL_MOD_PATH=DIR modules_install}'s DIR, an unpacked Debian kernel package, or a build
 * tree whose modules are still to install), the DTB directory, words for the command line. Needs no board.
 */
public final class DeployPlanner {
    static final String KERNEL = "kernel8.img";
    static final String INITRAMFS = "initramfs8";

    private DeployPlanner() {
    }

    /** {@code modulesToInstall}: a build tree whose {@code make modules_install} fills the modules at deploy time. */
    public static DeployPlan plan(BoardProfile board, Path image, Path modules, Path modulesToInstall, Path dtbs, String append,
                                  Path work) {
        requireFile(image, "--kernel");
        String release = ImageRelease.of(image);
        List<String> words = append == null || append.isBlank() ? List.of() : Arrays.asList(append.strip().split("\\s+"));
        BoardProfile.Firmware f = board.firmware();
        Path dtb = null;
        if (dtbs != null) {
            if (!Files.isDirectory(dtbs)) throw KforgeException.badInput("--dtbs " + dtbs + ": no such directory", null);
            dtb = f.dtbFrom().stream().map(dtbs::resolve).filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                    KforgeException.badInput("--dtbs " + dtbs + " has no " + String.join(" or ", f.dtbFrom()),
                            "give the DTB directory of this kernel (arch/arm64/boot/dts, or usr/lib/linux-image-REL)"));
        } else if (f.dtb() != null) {
            throw KforgeException.badInput(board.name() + "'s firmware loads " + f.dtb() + " from the kernel's slot: give --dtbs DIR",
                    "--dtbs arch/arm64/boot/dts (or --kernel-tree)");
        }
        DeployPlan.Modules mods = null;
        if (modules != null) {
            Path tree = releaseDir(modules, release);
            long[] sz = sizeOf(tree);
            mods = new DeployPlan.Modules(tree, "/lib/modules/" + release, (int) sz[0], sz[1],
                    "tar over ssh into /lib/modules/.kforge-" + release + ".partial, renamed when whole");
        } else if (modulesToInstall != null) {
            mods = new DeployPlan.Modules(modulesToInstall, "/lib/modules/" + release, -1, -1,
                    "make ARCH=arm64 INSTALL_MOD_PATH=<run dir> modules_install, then tar over ssh");
        }
        List<String> initramfsModules = board.root() == null ? List.of() : board.root().initramfsModules();
        if (!initramfsModules.isEmpty() && mods == null) {
            throw KforgeException.badInput(board.name() + "'s kernel loads " + String.join(", ", initramfsModules)
                    + " from an initramfs: give --modules DIR", "--modules DIR (make INSTALL_MOD_PATH=DIR modules_install)");
        }
        String slot = "kforge-" + release + "-" + slotId(image, dtb, words, modulesKey(modules, modulesToInstall, mods));
        String slotDir = f.partition() + "/" + slot;
        List<DeployPlan.Copy> copies = new ArrayList<>();
        copies.add(new DeployPlan.Copy(image, slotDir + "/" + KERNEL, size(image), "the kernel Image"));
        if (dtb != null) {
            copies.add(new DeployPlan.Copy(dtb, slotDir + "/" + f.dtb(), size(dtb), "the board's device tree"));
            Path overlays = dtbs.resolve("overlays");
            if (Files.isDirectory(overlays)) {
                try (Stream<Path> s = Files.list(overlays)) {
                    for (Path o : s.filter(p -> p.toString().endsWith(".dtbo")).sorted().toList()) {
                        copies.add(new DeployPlan.Copy(o, slotDir + "/" + f.overlays() + "/" + o.getFileName(), size(o), "overlay"));
                    }
                } catch (IOException e) {
                    throw KforgeException.badInput("cannot list " + overlays + ": " + e.getMessage(), null);
                }
            }
        }
        DeployPlan.InitramfsBuild initramfs = initramfsModules.isEmpty() ? null
                : new DeployPlan.InitramfsBuild(work.resolve(INITRAMFS), initramfsModules);
        List<String> block = FirmwareBlock.lines(release, slot, KERNEL, initramfs == null ? null : INITRAMFS, f.lines());
        return new DeployPlan(board, release, slot, copies, mods, initramfs, words, block);
    }

    /** {@code lib/modules/RELEASE} under what the user gave (the install root, its lib/modules, or the release itself). */
    static Path releaseDir(Path given, String release) {
        for (Path p : List.of(given.resolve("lib/modules").resolve(release), given.resolve(release), given)) {
            if (Files.isDirectory(p) && p.getFileName().toString().equals(release) && Files.isRegularFile(p.resolve("modules.order"))) {
                return p;
            }
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(given.resolve("lib/modules"))) {
            s.forEach(p -> found.add(p.getFileName().toString()));
        } catch (IOException ignored) {
            // none found
        }
        throw KforgeException.badInput("--modules " + given + " has no lib/modules/" + release + "/ with modules.order"
                + (found.isEmpty() ? "" : " (it has " + String.join(", ", found) + ")"),
                "the modules of this kernel: make INSTALL_MOD_PATH=DIR modules_install, then --modules DIR");
    }

    /** What the modules are, for the slot's name: their files and sizes, or the build's modules.order. */
    private static String modulesKey(Path modules, Path modulesToInstall, DeployPlan.Modules mods) {
        try {
            if (modules != null) return ModuleShipper.manifest(mods.from());
            if (modulesToInstall != null) return Files.readString(modulesToInstall.resolve("modules.order"));
        } catch (IOException e) {
            throw KforgeException.badInput("cannot read the modules: " + e.getMessage(), null);
        }
        return "";
    }

    private static String slotId(Path image, Path dtb, List<String> words, String modules) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            digest(d, image);
            if (dtb != null) digest(d, dtb);
            d.update(String.join(" ", words).getBytes(StandardCharsets.UTF_8));
            d.update(modules.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(MessageDigest d, Path f) {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            int n;
            while ((n = in.read(buf)) > 0) d.update(buf, 0, n);
        } catch (IOException e) {
            throw KforgeException.badInput(f + ": unreadable (" + e.getMessage() + ")", null);
        }
    }

    private static long[] sizeOf(Path tree) {
        try (Stream<Path> s = Files.walk(tree)) {
            long[] r = new long[2];
            s.filter(Files::isRegularFile).forEach(p -> {
                r[0]++;
                r[1] += size(p);
            });
            return r;
        } catch (IOException e) {
            throw KforgeException.badInput("cannot read " + tree + ": " + e.getMessage(), null);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw KforgeException.badInput(p + ": unreadable (" + e.getMessage() + ")", null);
        }
    }

    private static void requireFile(Path p, String option) {
        if (p == null) throw KforgeException.badInput("no kernel given", "--kernel Image (or --kernel-tree BUILD_DIR)");
        if (!Files.isRegularFile(p)) throw KforgeException.badInput(option + " " + p + ": no such file", null);
    }
}
