package org.kforge.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kforge.Golden;
import org.kforge.report.DoctorReport;

/**
 * What the doctor tells a user about each real log of the doctor corpus and each saved twin boot
 * (title, layer, first bad line, why:, try:, the failures of a booted system and its notes),
 * pinned by golden files under src/test/resources/golden/doctor: a rule's text that changes by
 * accident shows here. {@code mvn test -Dgolden.update=true} rewrites them, to be reviewed.
 */
class VerdictGoldenTest {
    static Stream<Path> cases() throws IOException {
        try (Stream<Path> corpus = Files.list(Path.of("src/test/resources/doctor-corpus"));
             Stream<Path> live = Files.list(Path.of("src/test/resources/doctor-live"))) {
            return Stream.concat(corpus.toList().stream(), live.toList().stream())
                    .filter(c -> Files.exists(c.resolve("console.log"))).sorted();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void doctorTextMatchesGolden(Path c) throws IOException {
        Diagnosis d;
        try (InputStream in = Files.newInputStream(c.resolve("console.log"))) {
            d = LogDoctor.examine(in, c.getFileName().toString());
        }
        String name = c.getParent().getFileName() + "." + c.getFileName() + ".txt";
        Golden.check(Path.of("src/test/resources/golden/doctor", name), DoctorReport.text(d, true));
    }
}
