package org.kforge.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kforge.KforgeException;

/** Real mmdebstrap 1.3.5 output (bookworm host, arm64 target), as the user sees it. */
class MmdebstrapLogTest {
    private static KforgeException read(List<String> status, String... lines) {
        MmdebstrapLog log = new MmdebstrapLog(status::add);
        for (String l : lines) log.accept(l);
        return log.failure(25, Path.of("/c/images/x.log"));
    }

    @Test
    void anUnknownPackageIsTheUsersMistake() {
        List<String> status = new ArrayList<>();
        KforgeException e = read(status, "I: running apt-get update...", "Reading package lists...",
                "E: Unable to locate package nosuchpkg-kforge",
                "E: setup failed: E: apt-get -o Dir::Bin::dpkg=env ... failed", "E: mmdebstrap failed to run");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("mmdebstrap: Unable to locate package nosuchpkg-kforge");
        assertThat(e.hint()).endsWith("full log: /c/images/x.log");
        assertThat(status).containsExactly("mmdebstrap: running apt-get update...");
    }

    @Test
    void anUnknownSuiteIsTooAndTheMirrorIsNotNamed() {
        KforgeException e = read(new ArrayList<>(), "Err:2 http://apt.invalid/debian nosuchsuite Release",
                "E: The repository 'http://apt.invalid/debian nosuchsuite Release' does not have a Release file.");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo(
                "mmdebstrap: The repository '<the host's mirror> nosuchsuite Release' does not have a Release file.");
    }

    @Test
    void anythingElseIsTheHostsWithTheLastLineWhenThereIsNoError() {
        KforgeException e = read(new ArrayList<>(), "I: installing essential packages...", "qemu: uncaught target signal 11");
        assertThat(e.exitCode()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("mmdebstrap failed (exit 25): qemu: uncaught target signal 11");
    }
}
