package org.kforge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.io.IOException;
import java.nio.file.Files;
import org.kforge.TerminalText;
import org.kforge.InputFile;
import org.kforge.KforgeException;
import org.kforge.Limits;
import org.kforge.asset.CacheDir;
import org.kforge.board.RemotePciSnapshot;
import org.kforge.pci.PciIds;
import org.kforge.pci.SysfsSnapshot;
import picocli.CommandLine.Option;

/** Options shared by the pci and vfio commands: where the PCI model comes from, and JSON output. */
final class PciSource {
    private static final ObjectMapper JSON = org.kforge.Json.json();

    @Option(names = "--sysfs", paramLabel = "DIR", description = "a snapshot (kforge pci snapshot -o DIR) or a sysfs tree instead of this machine's /sys")
    Path sysfs;
    @Option(names = "--ids", paramLabel = "FILE", description = "pci.ids to name vendors and devices (default /usr/share/misc/pci.ids, if there)")
    Path ids;

    @Option(names = "--ssh", paramLabel = "[USER@]HOST[:PORT]",
            description = "a board over SSH: kforge's collector runs there, the analysis here (kforge's key, see docs/pci.md)")
    String ssh;

    @Option(names = "--dump", paramLabel = "FILE", description = "an lspci -x/-xxx/-xxxx text dump: config space only")
    Path dump;

    SysfsSnapshot open() {
        if (dump != null) {
            if (ssh != null || sysfs != null) throw KforgeException.badInput("--dump names a source of its own; give one of --dump, --sysfs, --ssh", null);
            return SysfsSnapshot.fromDump(dump);
        }
        if (ssh != null) {
            if (sysfs != null) throw KforgeException.badInput("--ssh and --sysfs name two sources; give one", null);
            try {
                Path dir = Files.createTempDirectory("kforge-pci-ssh-").resolve("snapshot");
                return SysfsSnapshot.open(RemotePciSnapshot.collect(RemotePciSnapshot.Target.parse(ssh), CacheDir.fromEnvironment(), dir));
            } catch (IOException e) {
                throw KforgeException.badInput("cannot make a temporary directory: " + e.getMessage(), null);
            }
        }
        return SysfsSnapshot.open(sysfs);
    }

    PciIds ids() {
        if (ids == null) return PciIds.load(PciIds.DEFAULT);
        InputFile.check(ids, "--ids");
        if (ids.toFile().length() > Limits.FILE_BYTES) throw InputFile.tooLarge("--ids " + ids, Limits.FILE_BYTES);
        return PciIds.load(ids);
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
