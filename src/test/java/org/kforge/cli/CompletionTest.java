package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code source <(kforge completion bash)} in a real bash, driven through COMP_WORDS as bash's completion does. */
class CompletionTest {
    @TempDir
    Path tmp;

    private String bash(String script) throws Exception {
        CliRun r = CliRun.of("completion", "bash");
        assertThat(r.exitCode()).isZero();
        Path completion = Files.writeString(tmp.resolve("kforge.bash"), r.out());
        Process p = new ProcessBuilder("bash", "-c", "source " + completion + "\n"
                + "c() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE};"
                + " COMPREPLY=(); _complete_kforge kforge \"${COMP_WORDS[-1]}\" \"${COMP_WORDS[-2]}\" 2>/dev/null; echo \"${COMPREPLY[*]}\"; }\n"
                + script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void bashRegistersKforge() throws Exception {
        assertThat(bash("complete -p kforge")).contains("-F _complete_kforge kforge");
    }

    @Test
    void completesSubcommandsOptionsAndProfileNames() throws Exception {
        String[] lines = bash("c kforge boo\nc kforge boot --dry\nc kforge boot --profile qemu\nc kforge debug regs --run\nc kforge completion ''\n")
                .split("\n");
        assertThat(lines[0]).isEqualTo("boot");
        assertThat(lines[1]).isEqualTo("--dry-run");
        assertThat(lines[2]).isEqualTo("qemu-virt-arm64 qemu-virt-arm64-xen");
        assertThat(lines[3]).isEqualTo("--run-dir");
        assertThat(lines[4]).isEqualTo("bash zsh");
    }

    @Test
    void anotherShellIsBadUsage() {
        CliRun r = CliRun.of("completion", "fish");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("expected bash or zsh");
    }
}
