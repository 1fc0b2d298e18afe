package org.kforge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Random bytes and mutated real logs: the doctor always answers, never throws, never echoes control bytes. */
class DoctorFuzzTest {
    private static final List<byte[]> REAL = realLogs();
    private static final String SPECIAL = "\n\r\u001b[]:-+0x\u0000\u007f";

    @Property(tries = 300)
    void randomBytesNeverThrow(@ForAll @Size(max = 4096) byte[] bytes) throws IOException {
        check(bytes);
    }

    @Property(tries = 300)
    void mutatedRealLogsNeverThrow(@ForAll("mutated") byte[] bytes) throws IOException {
        check(bytes);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, REAL.size() - 1);
        Arbitrary<Long> seed = Arbitraries.longs();
        return which.flatMap(i -> seed.map(s -> mutate(REAL.get(i), s)));
    }

    private static byte[] mutate(byte[] log, long seed) {
        java.util.Random r = new java.util.Random(seed);
        byte[] out = log.clone();
        int edits = 1 + r.nextInt(50);
        for (int k = 0; k < edits && out.length > 0; k++) {
            int at = r.nextInt(out.length);
            switch (r.nextInt(4)) {
                case 0 -> out[at] = (byte) r.nextInt(256);
                case 1 -> out[at] = (byte) SPECIAL.charAt(r.nextInt(SPECIAL.length()));
                case 2 -> {
                    int len = Math.min(out.length - at, r.nextInt(400));
                    byte[] cut = new byte[out.length - len];
                    System.arraycopy(out, 0, cut, 0, at);
                    System.arraycopy(out, at + len, cut, at, out.length - at - len);
                    out = cut;
                }
                default -> {
                    int from = r.nextInt(out.length);
                    int len = Math.min(out.length - from, r.nextInt(300));
                    byte[] dup = new byte[out.length + len];
                    System.arraycopy(out, 0, dup, 0, at);
                    System.arraycopy(out, from, dup, at, len);
                    System.arraycopy(out, at, dup, at + len, out.length - at);
                    out = dup;
                }
            }
        }
        return out;
    }

    private static void check(byte[] bytes) throws IOException {
        Diagnosis d = LogDoctor.examine(new ByteArrayInputStream(bytes), "fuzz");
        assertThat(d.verdict()).isNotNull();
        String json = org.kforge.report.DoctorReport.json(List.of(d));
        assertThat(json).doesNotContain("\u001b");
        String text = org.kforge.report.DoctorReport.text(d, false);
        assertThat(text.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0)).isTrue();
    }

    private static List<byte[]> realLogs() {
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/doctor-corpus"))) {
            return s.filter(p -> p.getFileName().toString().equals("console.log")).sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
