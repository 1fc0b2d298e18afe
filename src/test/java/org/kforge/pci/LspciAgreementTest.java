package org.kforge.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** kforge pci show against lspci -vvv -F of the same config space: BARs, capability list, link status. */
class LspciAgreementTest {
    private static final Pattern REGION = Pattern.compile("Region (\\d): (Memory at|I/O ports at) ([0-9a-f]+)(?: \\((\\d\\d-bit), (\\S+)\\))?");
    private static final Pattern CAP = Pattern.compile("Capabilities: \\[([0-9a-f]+)(?: v\\d+)?\\]");
    private static final Pattern LNKSTA = Pattern.compile("LnkSta:\\s+Speed ([0-9.]+GT/s)[^,]*, Width (x\\d+)");
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"twin-plain", "twin-smmu", "twin-smmu-rootport", "host", "live"})
    void showAgreesWithLspci(String name) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/lspci")), "lspci (pciutils) is not installed");
        SysfsSnapshot s = name.equals("live") ? SysfsSnapshot.live() : Snapshots.open(name, tmp);
        List<PciDevice> devices = s.devices();
        Path dump = tmp.resolve(name + ".dump");
        Files.writeString(dump, LspciDump.of(devices));
        Map<String, List<String>> lspci = lspciByDevice(dump);
        assertThat(lspci.keySet()).containsExactlyInAnyOrderElementsOf(devices.stream().map(d -> d.bdf().toString()).toList());
        int compared = 0;
        for (PciDevice d : devices) {
            List<String> theirs = lspci.get(d.bdf().toString());
            String ours = DeviceReport.text(d, PciIds.load(PciIds.DEFAULT));
            assertThat(all(REGION, ours, 0)).as(d.bdf() + " BARs").isEqualTo(all(REGION, String.join("\n", theirs), 0));
            assertThat(all(CAP, ours, 1)).as(d.bdf() + " capabilities").isEqualTo(all(CAP, String.join("\n", theirs), 1));
            assertThat(all(LNKSTA, ours, 0).stream().map(x -> x.replaceAll("\\s+", " ")).toList()).as(d.bdf() + " link status")
                    .isEqualTo(all(LNKSTA, String.join("\n", theirs), 0).stream().map(x -> x.replaceAll("\\s+", " ").replaceAll(" \\(.*?\\)", "")).toList());
            compared += all(CAP, ours, 1).size() + all(LNKSTA, ours, 0).size();
        }
        assertThat(compared).as("capabilities compared").isPositive();
    }

    private static List<String> all(Pattern p, String text, int group) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(group == 0 ? m.group().replaceAll("GT/s \\(.*?\\)", "GT/s") : m.group(group));
        return out;
    }

    private static Map<String, List<String>> lspciByDevice(Path dump) throws Exception {
        Process p = new ProcessBuilder("lspci", "-vvv", "-D", "-F", dump.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        Map<String, List<String>> by = new HashMap<>();
        List<String> cur = null;
        for (String line : out.lines().toList()) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                cur = new ArrayList<>();
                by.put(line.substring(0, 12), cur);
            } else if (cur != null) {
                cur.add(line.strip());
            }
        }
        return by;
    }
}
