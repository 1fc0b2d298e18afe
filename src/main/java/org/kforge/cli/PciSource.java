package org.kforge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import org.kforge.pci.PciIds;
import org.kforge.pci.SysfsSnapshot;
import picocli.CommandLine.Option;

/** Options shared by the pci and vfio commands: where the PCI model comes from, and JSON output. */
final class PciSource {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--sysfs", paramLabel = "DIR", description = "a snapshot (kforge pci snapshot -o DIR) or a sysfs tree instead of this machine's /sys")
    Path sysfs;
    @Option(names = "--ids", paramLabel = "FILE", description = "pci.ids to name vendors and devices (default ${DEFAULT-VALUE})",
            defaultValue = "/usr/share/misc/pci.ids")
    Path ids;

    SysfsSnapshot open() {
        return SysfsSnapshot.open(sysfs);
    }

    PciIds ids() {
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
