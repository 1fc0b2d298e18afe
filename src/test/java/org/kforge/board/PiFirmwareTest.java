package org.kforge.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The firmware's rules as the twin plays them, and kforge's block in a config file. */
class PiFirmwareTest {
    private final Map<String, String> files = new HashMap<>();

    private PiFirmware.Choice boot(boolean tryboot) {
        return PiFirmware.select(n -> files.containsKey(n) ? files.get(n).getBytes(StandardCharsets.UTF_8) : null,
                files::containsKey, tryboot, "kernel8.img");
    }

    @Test
    void tryboot_txtReplacesConfig_txtOnlyWithTheFlag() {
        files.put("config.txt", "kernel=vmlinuz-old\ninitramfs initrd-old followkernel\n");
        files.put("cmdline.txt", "console=ttyAMA0 root=/dev/vda2\n");
        files.put("tryboot.txt", "kernel=vmlinuz-old\n[all]\nos_prefix=slot/\nkernel=kernel8.img\ninitramfs initramfs8 followkernel\n");
        files.put("slot/kernel8.img", "x");
        files.put("slot/cmdline.txt", "console=ttyAMA0 root=/dev/sda kforge.slot=slot\n");
        PiFirmware.Choice normal = boot(false);
        assertThat(normal.config()).isEqualTo("config.txt");
        assertThat(normal.kernel()).isEqualTo("vmlinuz-old");
        assertThat(normal.initramfs()).isEqualTo("initrd-old");
        assertThat(normal.cmdline()).isEqualTo("console=ttyAMA0 root=/dev/vda2");
        PiFirmware.Choice trial = boot(true);
        assertThat(trial.config()).isEqualTo("tryboot.txt");
        assertThat(trial.kernel()).isEqualTo("slot/kernel8.img");
        assertThat(trial.initramfs()).isEqualTo("slot/initramfs8");
        assertThat(trial.cmdline()).isEqualTo("console=ttyAMA0 root=/dev/sda kforge.slot=slot");
    }

    @Test
    void filtersAndAMissingPrefixedKernel() {
        files.put("config.txt", "[cm4]\nkernel=cm4.img\n[none]\nkernel=never.img\n[tryboot]\nkernel=try.img\n[all]\nos_prefix=gone/\n");
        PiFirmware.Choice c = boot(false);
        assertThat(c.kernel()).isEqualTo("kernel8.img");
        assertThat(c.notes()).contains("os_prefix gone/ ignored: no gone/kernel8.img", "no cmdline.txt: empty command line");
        files.put("try.img", "x");
        assertThat(boot(true).kernel()).as("[tryboot] applies in tryboot mode, even from config.txt").isEqualTo("try.img");
    }

    @Test
    void composingReplacesAnEarlierKforgeBlockAndKeepsEveryOtherLine() {
        List<String> first = FirmwareBlock.lines("6.1.0", "kforge-6.1.0-aaaa", "kernel8.img", null, List.of("enable_uart=1"));
        List<String> second = FirmwareBlock.lines("6.6.0", "kforge-6.6.0-bbbb", "kernel8.img", "initramfs8", List.of());
        String config = "dtparam=audio=on\n# mine\n";
        String once = FirmwareBlock.compose(config, first);
        String twice = FirmwareBlock.compose(once, second);
        assertThat(twice).startsWith("dtparam=audio=on\n# mine\n# --- kforge deploy: 6.6.0 in kforge-6.6.0-bbbb/ ---\n")
                .doesNotContain("6.1.0").endsWith("# --- end kforge deploy ---\n");
        assertThat(FirmwareBlock.slot(twice)).isEqualTo("kforge-6.6.0-bbbb");
        assertThat(FirmwareBlock.compose(twice, second)).isEqualTo(twice);
    }
}
