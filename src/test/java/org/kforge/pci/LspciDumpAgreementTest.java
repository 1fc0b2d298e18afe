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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kforge.cli.CliRun;

/**
 * kforge pci show --dump on real lspci -x/-xxx/-xxxx text, against lspci -F of the same text (pciutils is the
 * oracle): every capability's offset and name, and the link status, agree. The dumps are lspci's own output,
 * of this machine and of the twins' captured config spaces.
 */
class LspciDumpAgreementTest {
    private static final Pattern CAP = Pattern.compile("Capabilities: \\[([0-9a-f]+)(?: v\\d+)?\\] ([^:,(\\n]+)");
    private static final Pattern LNKSTA = Pattern.compile("LnkSta:\\s+Speed ([0-9.]+GT/s)[^,]*, Width (x\\d+)");
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"live -x", "live -xxx", "live -xxxx", "twin-plain -xxx", "twin-smmu -xxxx", "twin-smmu-rootport -xxx",
        "twin-smmu-rootport -xxxx", "host -xxx", "host -x"})
    void showOfADumpAgreesWithLspci(String spec) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/lspci")), "lspci (pciutils) is not installed");
        String[] s = spec.split(" ");
        Path dump = tmp.resolve(s[0] + s[1] + ".txt");
        if (s[0].equals("live")) {
            Files.writeString(dump, lspci(s[1]));
        } else {
            Path ours = tmp.resolve(s[0] + ".kforge-dump");
            Files.writeString(ours, LspciDump.of(Snapshots.open(s[0], tmp).devices()));
            Files.writeString(dump, lspci("-F", ours.toString(), s[1]));
        }
        List<PciDevice> devices = SysfsSnapshot.fromDump(dump).devices();
        Map<String, String> theirs = byDevice(lspci("-vvv", "-D", "-F", dump.toString()));
        assertThat(theirs.keySet()).containsExactlyInAnyOrderElementsOf(devices.stream().map(d -> d.bdf().toString()).toList());
        int compared = 0;
        for (PciDevice d : devices) {
            String ours = DeviceReport.text(d, PciIds.load(PciIds.DEFAULT));
            String their = theirs.get(d.bdf().toString());
            List<String[]> oc = caps(ours);
            List<String[]> tc = caps(their);
            assertThat(oc.stream().map(c -> c[0]).toList()).as(d.bdf() + " capability offsets").isEqualTo(tc.stream().map(c -> c[0]).toList());
            for (int i = 0; i < oc.size(); i++) {
                String a = oc.get(i)[1].replaceFirst("^PCI ", "");
                String b = tc.get(i)[1];
                assertThat(a.startsWith(b) || b.startsWith(a) || a.split(" ")[0].equals(b.split(" ")[0]))
                        .as(d.bdf() + " [" + oc.get(i)[0] + "]: ours '" + a + "', lspci '" + b + "'").isTrue();
            }
            assertThat(all(LNKSTA, ours)).as(d.bdf() + " link status").isEqualTo(all(LNKSTA, their));
            compared += oc.size() + all(LNKSTA, ours).size();
            assertThat(ours).contains("from an lspci dump: config space only");
        }
        if (!s[1].equals("-x")) assertThat(compared).as("capabilities and link states compared").isPositive();
        if (s[0].equals("twin-smmu-rootport")) assertThat(all(LNKSTA, String.join("\n", theirs.values()))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void whatADumpCannotTellIsSaidAndIommuQuestionsAreRefused() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/lspci")), "lspci (pciutils) is not installed");
        Path dump = Files.writeString(tmp.resolve("live.txt"), lspci("-xxx"));
        CliRun list = CliRun.of("pci", "list", "--dump", dump.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines().count()).isEqualTo(lspci("-n").lines().count());
        CliRun json = CliRun.of("pci", "show", "--json", "--dump", dump.toString());
        assertThat(json.out()).contains("\"unknown\"").contains("iommu_group");
        CliRun iommu = CliRun.of("pci", "iommu", "--dump", dump.toString());
        assertThat(iommu.exitCode()).isEqualTo(2);
        assertThat(iommu.err()).contains("not in an lspci dump");
        CliRun garbage = CliRun.of("pci", "show", "--dump", Files.writeString(tmp.resolve("g.txt"), "hello\nworld\n").toString());
        assertThat(garbage.exitCode()).isEqualTo(2);
        assertThat(garbage.err()).contains("holds no lspci dump");
        CliRun gap = CliRun.of("pci", "show", "--dump", Files.writeString(tmp.resolve("gap.txt"),
                "00:01.0 x\n00: 86 80 37 12 03 01 00 00 02 00 00 06 00 00 00 00\n20: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n").toString());
        assertThat(gap.exitCode()).isEqualTo(2);
        assertThat(gap.err()).contains("gap.txt:3: offset 20 after 10");
    }

    private static List<String[]> caps(String text) {
        List<String[]> out = new ArrayList<>();
        Matcher m = CAP.matcher(text);
        while (m.find()) out.add(new String[] {m.group(1), m.group(2).strip()});
        return out;
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1) + " " + m.group(2));
        return out;
    }

    private static String lspci(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("lspci"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private static Map<String, String> byDevice(String out) {
        Map<String, String> by = new HashMap<>();
        String cur = null;
        StringBuilder text = new StringBuilder();
        for (String line : out.lines().toList()) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                if (cur != null) by.put(cur, text.toString());
                cur = line.substring(0, 12);
                text.setLength(0);
            } else {
                text.append(line.strip()).append('\n');
            }
        }
        if (cur != null) by.put(cur, text.toString());
        return by;
    }
}
