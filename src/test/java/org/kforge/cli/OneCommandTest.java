package org.kforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A run builds only the command it names; what reads the whole tree still gets all of it. */
class OneCommandTest {
    @Test
    void theFirstWordNamesTheOnlyCommandBuilt() {
        assertThat(Main.command("boot", "-q")).isEqualTo(BootCommand.class);
        assertThat(Main.command("doctor", "a.log")).isEqualTo(DoctorCommand.class);
    }

    @Test
    void helpCompletionOptionsAndTyposGetTheWholeTree() {
        assertThat(Main.command()).isNull();
        assertThat(Main.command("--help")).isNull();
        assertThat(Main.command("help", "boot")).isNull();
        assertThat(Main.command("completion")).isNull();
        assertThat(Main.command("boto")).isNull();
        assertThat(Main.COMMANDS).hasSizeGreaterThan(20).contains(BootCommand.class, LabCommand.class);
    }

    @Test
    void inheritedOptionsAndTheStreamsReachTheOneCommand(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path log = java.nio.file.Files.writeString(tmp.resolve("console.log"),
                "[    0.000000] Linux version 6.1.0 (kforge@test)\nkforge-init: ready\n");
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "doctor", "--json", log.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("{").contains("\"outcome\" : \"boot-ok\"");
        StringWriter typo = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(typo), "boto")).isEqualTo(2);
        assertThat(typo.toString()).contains("kforge: Unmatched argument").contains("see: kforge --help");
    }
}
