package org.kforge.kunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.KforgeException;

/** What the KUnit build needs of the host, said as packages (exit 3). */
class KunitBuildTest {
    @TempDir
    Path bin;

    @Test
    void aHostWithoutTheBuildsProgramsIsToldWhichPackages() throws Exception {
        for (String p : new String[] {"make", "gcc", "bc"}) {
            Path f = Files.createFile(bin.resolve(p));
            f.toFile().setExecutable(true);
        }
        assertThatThrownBy(() -> KunitBuild.requireHostTools(bin.toString()))
                .isInstanceOfSatisfying(KforgeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("needs bison, flex");
                });
    }
}
