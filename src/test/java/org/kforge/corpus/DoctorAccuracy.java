package org.kforge.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores {@code kforge doctor} on the labelled corpora: {@code src/test/resources/corpus} (split by
 * {@link CorpusSplit}) and {@code src/test/resources/doctor-corpus} (tuned on already: all tuning).
 * Run by {@code bench/doctor-accuracy} through the jar, and by {@code DoctorAccuracyTest} in-process.
 */
public final class DoctorAccuracy {
    public static final Path CORPUS = Path.of("src/test/resources/corpus");
    public static final Path TUNED = Path.of("src/test/resources/doctor-corpus");

    private DoctorAccuracy() {
    }

    /** Every case of both corpora, from the project root. */
    public static List<CorpusCase> cases(Path root) {
        List<CorpusCase> all = new ArrayList<>(CorpusCase.load(root.resolve(CORPUS), true, Map.of()));
        all.addAll(CorpusCase.load(root.resolve(TUNED), false, table(root.resolve(CORPUS).resolve("doctor-corpus-xen-layers.txt"))));
        return all;
    }

    /**
     * "case-name word ..." per line (# comments), case name to its first word: the Xen layer of the
     * doctor-corpus cases (their case.json has none).
     */
    static Map<String, String> table(Path file) {
        Map<String, String> m = new HashMap<>();
        try {
            for (String l : Files.readAllLines(file)) {
                if (l.isBlank() || l.startsWith("#")) continue;
                String[] w = l.trim().split("\\s+");
                m.put(w[0], w.length > 1 ? w[1] : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    public interface Doctor {
        DoctorAnswer ask(Path log) throws Exception;
    }

    public static AccuracyScore score(List<CorpusCase> cases, Doctor doctor) throws Exception {
        AccuracyScore s = new AccuracyScore();
        for (CorpusCase c : cases) s.add(c, doctor.ask(c.log()));
        return s;
    }

    /** usage: DoctorAccuracy [--jar target/kforge.jar] [--misses]  (from the project root) */
    public static void main(String[] args) throws Exception {
        Path jar = null;
        boolean misses = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--jar")) jar = Path.of(args[++i]);
            else if (args[i].equals("--misses")) misses = true;
        }
        Path j = jar;
        List<CorpusCase> cases = cases(Path.of(""));
        long t0 = System.nanoTime();
        AccuracyScore s = score(cases, log -> j == null ? DoctorAnswer.inProcess(log) : DoctorAnswer.throughJar(j, log));
        System.out.print(s.report());
        System.out.printf("%d cases in %.0f s (%s)%n", cases.size(), (System.nanoTime() - t0) / 1e9,
                j == null ? "in-process" : "one JVM per log: " + j);
        if (misses) System.out.print(s.misses());
    }
}
