package org.kforge.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A board as data, loaded from {@code boards/NAME.yaml} (shipped) or a user's board file: how to reach it
 * ({@code ssh}), read it ({@code console}), power it ({@code power}), how its firmware boots ({@code firmware}),
 * and for the twin, what runs it ({@code twin}). {@code jtag} is kept raw for the JTAG probe's own reader.
 * {@code extends} names a shipped profile a user's file builds on. {@code source} says where the profile came from (filled by the registry, not the file).
 */
public record BoardProfile(String name, String summary, List<String> aliases,
                           @JsonProperty("extends") String base, String arch, String ssh,
                           BoardConsole console, BoardPower power, Firmware firmware, Root root, Twin twin,
                           JsonNode jtag, String source) {

    public BoardProfile {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /**
     * How the Raspberry Pi firmware boots this board: the boot partition's mount point ({@code /boot/firmware}
     * since Bookworm, {@code /boot} before), its files, the DTB the firmware picks for this board ({@code dtbFrom}: where a kernel's DTB directory has it), the lines a
     * kernel of kforge's needs in config.txt, and the command that reboots once into tryboot.txt.
     */
    public record Firmware(String partition, String config, String cmdline, String tryboot, String kernel, String dtb,
                           List<String> dtbFrom, String overlays, List<String> lines, String trybootReboot) {
        public Firmware {
            dtbFrom = dtbFrom == null ? (dtb == null ? List.of() : List.of(dtb)) : List.copyOf(dtbFrom);
            config = config == null ? "config.txt" : config;
            cmdline = cmdline == null ? "cmdline.txt" : cmdline;
            tryboot = tryboot == null ? "tryboot.txt" : tryboot;
            kernel = kernel == null ? "kernel8.img" : kernel;
            overlays = overlays == null ? "overlays" : overlays;
            lines = lines == null ? List.of() : List.copyOf(lines);
            trybootReboot = trybootReboot == null ? "reboot '0 tryboot'" : trybootReboot;
        }
    }

    /** The root filesystem the board's kernel mounts, and the modules an initramfs must load first (none: built in). */
    public record Root(String device, List<String> initramfsModules) {
        public Root {
            initramfsModules = initramfsModules == null ? List.of() : List.copyOf(initramfsModules);
        }
    }

    /** The twin of a board: the QEMU machine profile it runs on. */
    public record Twin(String machine) {
    }

    public SshAddress sshAddress() {
        return ssh == null ? null : SshAddress.parse(ssh, "ssh");
    }

    public BoardProfile withSource(String where) {
        return new BoardProfile(name, summary, aliases, base, arch, ssh, console, power, firmware, root, twin, jtag, where);
    }

    /** The same board with live endpoints (a running twin's ports). */
    public BoardProfile withEndpoints(String sshAt, BoardConsole consoleAt, BoardPower powerAt) {
        return new BoardProfile(name, summary, aliases, base, arch, sshAt, consoleAt, powerAt, firmware, root, twin, jtag, source);
    }

    public BoardProfile withPartition(String partition) {
        Firmware f = firmware;
        return new BoardProfile(name, summary, aliases, base, arch, ssh, console, power,
                new Firmware(partition, f.config(), f.cmdline(), f.tryboot(), f.kernel(), f.dtb(), f.dtbFrom(), f.overlays(), f.lines(),
                        f.trybootReboot()), root, twin, jtag, source);
    }
}
