package org.kforge.kunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build directory's key: what went into the config, not how it was named. */
class KunitConfigTest {
    @TempDir
    Path dir;

    @Test
    void theSameValuesByAnotherPathAreTheSameBuildAndOtherValuesAnother() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("linux"));
        Path a = Files.writeString(dir.resolve("a.config"), "CONFIG_FOO=y\n");
        Path b = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("b.config"), "# the same\nCONFIG_FOO=y\n");
        Path c = Files.writeString(dir.resolve("c.config"), "CONFIG_FOO=n\n");
        String ka = KunitConfig.of(tree, "arm64", List.of(a.toString())).key();
        assertThat(KunitConfig.of(tree, "arm64", List.of(b.toString())).key()).isEqualTo(ka);
        assertThat(KunitConfig.of(tree, "arm64", List.of(c.toString())).key()).isNotEqualTo(ka);
        assertThat(KunitConfig.of(dir.resolve("other"), "arm64", List.of(a.toString())).key()).isNotEqualTo(ka);
        assertThat(KunitConfig.of(tree, "arm64", List.of()).describe()).isEqualTo("tinyconfig + qemu-virt-arm64 + kunit");
    }
}
