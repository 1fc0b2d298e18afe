package org.kforge.jtag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kforge.cli.CliRun;

/**
 * {@code kforge jtag --board B check --dry-run} per shipped board against golden files in
 * src/test/resources/golden ({@code mvn test -Dgolden.update=true} rewrites them; a missing one fails).
 */
class OpenOcdGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"rpi4", "rpi-cm4"})
    void openocdCommandMatchesGolden(String board) throws IOException {
        CliRun run = CliRun.of("jtag", "--board", board, "check", "--dry-run");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path file = Path.of("src/test/resources/golden", "openocd-" + board + ".txt");
        if (Boolean.getBoolean("golden.update")) Files.writeString(file, run.out());
        assertThat(file).as("golden file missing: run mvn test -Dgolden.update=true and review it").exists();
        assertThat(run.out()).isEqualTo(Files.readString(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rpi4", "rpi-cm4"})
    void everyFileTheCommandNamesShipsWithDebiansOpenocd(String board) {
        String[] argv = OpenOcdPlanner.plan(JtagBoardFile.of(org.kforge.profile.BoardRegistry.fromEnvironment().select(board)).jtag()).argv().toArray(String[]::new);
        for (int i = 0; i < argv.length - 1; i++) {
            if (argv[i].equals("-f")) {
                assertThat(Path.of("/usr/share/openocd/scripts", argv[i + 1])).as("apt-get install openocd").isRegularFile();
            }
        }
    }
}
