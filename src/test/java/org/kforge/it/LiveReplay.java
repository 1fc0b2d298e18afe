package org.kforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kforge.console.Diagnosis;
import org.kforge.console.LogDoctor;

/**
 * One judge: every boot an integration test makes is replayed through the doctor from its saved
 * console.log, and the doctor must give the verdict the live boot gave (outcome, booted, layer,
 * first bad line). Only the texts that name the profile (fixes with its console or root device)
 * may differ: the doctor has no profile.
 */
final class LiveReplay {
    private static final Pattern RUN_DIR = Pattern.compile("kforge: run directory (\\S+)");
    private static final List<String> SAME = List.of("outcome", "booted", "layer", "first_bad_line");

    private LiveReplay() {
    }

    /** Checks a finished {@code kforge boot} that left a result.json; other runs are left alone. */
    static void check(Kforge k, String... args) throws IOException {
        if (args.length == 0 || !args[0].equals("boot") || List.of(args).contains("--dry-run")) return;
        Matcher m = RUN_DIR.matcher(k.err());
        if (!m.find()) return;
        Path run = Path.of(m.group(1).replaceFirst("^~", System.getProperty("user.home")));
        Path result = run.resolve("result.json");
        if (!Files.isRegularFile(result)) return; // a boot refused before it ran (bad input, host lacks)
        JsonNode live = new ObjectMapper().readTree(result.toFile()).get("verdict");
        Diagnosis d;
        try (InputStream in = Files.newInputStream(run.resolve("console.log"))) {
            d = LogDoctor.examine(in, run.toString());
        }
        JsonNode offline = new ObjectMapper().readTree(org.kforge.report.DoctorReport.json(List.of(d)));
        for (String key : SAME) {
            assertThat(offline.get(key)).as("the doctor's %s of %s (live: %s, doctor: %s)", key, run, live, offline)
                    .isEqualTo(live.get(key));
        }
    }
}
