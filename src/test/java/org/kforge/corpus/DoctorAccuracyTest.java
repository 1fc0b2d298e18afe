package org.kforge.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The doctor scored on the whole labelled corpus, per split, against floors kept in
 * corpus/floors.properties: today's figures of the doctor on main (the "before" of issue 17), so
 * the test fails when a change makes the doctor worse; raise them when it gets better.
 */
class DoctorAccuracyTest {

    @Test
    void theDoctorKeepsItsMarksOnBothSplits() throws Exception {
        List<CorpusCase> cases = DoctorAccuracy.cases(Path.of(""));
        AccuracyScore s = DoctorAccuracy.score(cases, DoctorAnswer::inProcess);
        System.out.print(s.report());
        if (Boolean.getBoolean("corpus.misses")) System.out.print(s.misses());
        Properties floors = floors();
        for (CorpusCase.Split split : CorpusCase.Split.values()) {
            String k = split.label() + ".";
            AccuracyScore.Tally t = s.tally(split);
            assertThat(t.cases).as(k + "cases").isGreaterThanOrEqualTo((int) num(floors, k + "cases"));
            assertThat(t.outcomePct()).as(k + "outcome %").isGreaterThanOrEqualTo(num(floors, k + "outcome"));
            assertThat(t.linePct()).as(k + "first bad line %").isGreaterThanOrEqualTo(num(floors, k + "first-bad-line"));
            assertThat(t.falseAlarms).as(k + "false alarms (exit 1) on boot-ok logs").isLessThanOrEqualTo((int) num(floors, k + "false-alarms.max"));
            assertThat(t.xenPct()).as(k + "Xen outcome+layer+line %").isGreaterThanOrEqualTo(num(floors, k + "xen"));
        }
    }

    /**
     * Issue 17: a third of the corpus is held out. All three held-out sets count (held-out and held-out-2 were
     * tuned on in the third round, after their scores had been reported; held-out-3 never was); the
     * second and third are all held out, so the share is bounded at 60%, which leaves the tuning split as
     * large as ever (it only grows with the doctor-corpus). held-out-3 is the set gathered after
     * held-out-2's misses had been read, kept from whoever tunes rules.
     */
    @Test
    void aThirdOfTheCorpusIsHeldOut() {
        List<CorpusCase> cases = DoctorAccuracy.cases(Path.of(""));
        long held = cases.stream().filter(c -> c.split().heldOut()).count();
        long second = cases.stream().filter(c -> c.split() == CorpusCase.Split.HELD_OUT_2).count();
        long third = cases.stream().filter(c -> c.split() == CorpusCase.Split.HELD_OUT_3).count();
        assertThat(cases.size()).isGreaterThanOrEqualTo(210);
        assertThat(second).as("held-out-2 cases").isGreaterThanOrEqualTo(30);
        assertThat(third).as("held-out-3 cases").isGreaterThanOrEqualTo(30);
        assertThat(held * 100 / cases.size()).as("held-out share %").isBetween(33L, 60L);
    }

    private static double num(Properties p, String key) {
        String v = p.getProperty(key);
        assertThat(v).as("floor " + key + " in corpus/floors.properties").isNotNull();
        return Double.parseDouble(v);
    }

    private static Properties floors() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(DoctorAccuracy.CORPUS.resolve("floors.properties"))) {
            p.load(in);
        }
        return p;
    }
}
