package org.kforge.dt;

import org.kforge.cli.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every DTB Debian ships: kforge's DTS, compiled and decompiled by dtc, is what dtc makes of the original. */
class DtShowRoundTripIT {
    @TempDir Path tmp;

    @Test
    void everyDebianDtbRoundTripsThroughDtc() throws Exception {
        List<Path> dtbs = RealDtbs.allDebian();
        assertThat(dtbs).as("DTBs in Debian's arm64 kernel package").hasSizeGreaterThan(500);
        List<String> failures = new ArrayList<>();
        StringBuilder each = new StringBuilder();
        int identical = 0;
        for (Path dtb : dtbs) {
            String name = RealDtbs.debianDir().relativize(dtb).toString();
            CliRun show = CliRun.of("dt", "show", dtb.toString());
            if (show.exitCode() != 0) {
                failures.add(name + ": kforge dt show exited " + show.exitCode() + ": " + show.err().strip());
                continue;
            }
            each.append("// ").append(dtb).append('\n').append(show.out());
            Path dts = Files.writeString(tmp.resolve("k.dts"), show.out());
            Path back = tmp.resolve("k.dtb");
            RealDtbs.run(List.of("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", back.toString(), dts.toString()));
            String roundTrip = RealDtbs.run(List.of("dtc", "-q", "-I", "dtb", "-O", "dts", back.toString()));
            String reference = RealDtbs.run(List.of("dtc", "-q", "-I", "dtb", "-O", "dts", dtb.toString()));
            if (!roundTrip.equals(reference)) failures.add(name + ": " + firstDifference(reference, roundTrip));
            if (show.out().equals(reference)) identical++;
        }
        System.out.printf("dt show: %d DTBs, %d round-trip failures, %d byte-identical to dtc's own output%n",
                dtbs.size(), failures.size(), identical);
        assertThat(failures).as("DTBs whose round trip differs").isEmpty();
        // all of them in one run (dt show *.dtb): each tree as it is alone, under its '// FILE' line
        CliRun all = CliRun.of(java.util.stream.Stream.concat(java.util.stream.Stream.of("dt", "show"),
                dtbs.stream().map(Path::toString)).toArray(String[]::new));
        assertThat(all.exitCode()).isZero();
        assertThat(all.err()).isEmpty();
        assertThat(all.out()).isEqualTo(each.toString());
    }

    static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String x = i < e.size() ? e.get(i) : "<end>";
            String y = i < a.size() ? a.get(i) : "<end>";
            if (!x.equals(y)) return "line " + (i + 1) + ": dtc has [" + x + "], round trip has [" + y + "]";
        }
        return "no line differs";
    }
}
