package org.kforge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files (as tuxlava's test_device.py keeps them): {@code mvn test -Dgolden.update=true}
 * writes them, to be reviewed and committed; without it a missing golden file fails the test.
 */
public final class Golden {
    private Golden() {
    }

    public static void check(Path file, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        assertThat(file).as("golden file missing: run mvn test -Dgolden.update=true and review it").exists();
        assertThat(actual).as("%s (mvn test -Dgolden.update=true rewrites it)", file).isEqualTo(Files.readString(file));
    }
}
