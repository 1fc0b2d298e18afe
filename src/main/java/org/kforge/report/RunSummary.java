package org.kforge.report;

import java.nio.file.Path;
import java.util.List;
import org.kforge.console.Event;
import org.kforge.console.Verdict;
import org.kforge.ktap.KtapRun;

/**
 * What a report (JUnit XML, report.html) shows of one boot or one log: its name, the verdict and the events
 * behind it, how long it took (-1 for a saved log), its console (a file, or null for standard input) with its
 * line count, and the KTAP results in it (null when there are none).
 */
public record RunSummary(String name, Verdict verdict, List<Mark> marks, double seconds, Path console, int consoleLines,
                         KtapRun ktap) {
    public RunSummary {
        marks = List.copyOf(marks);
        if (ktap != null && !ktap.found()) ktap = null;
    }

    /** A log the doctor read ({@code console} null for standard input: no excerpt, no KTAP). */
    public static RunSummary of(org.kforge.console.Diagnosis d, Path console) {
        String name = d.source();
        return new RunSummary(name, d.verdict(), marks(d.events()), -1, console, d.lines(), ktap(console));
    }

    /** A finished boot: its run directory's console.log. */
    public static RunSummary of(org.kforge.boot.BootResult r) {
        Path console = r.plan().runDir().resolve("console.log");
        int lines = ConsoleExcerpt.count(console);
        return new RunSummary(String.valueOf(r.plan().runDir().getFileName()), r.verdict(), marks(r.events()), r.seconds(), console, lines,
                ktap(console));
    }

    /**
     * A run directory: the verdict and events of its result.json (a live boot's own: the clock's verdicts, its
     * times), or, when the boot left none, the doctor's on its console.log.
     */
    public static RunSummary ofRunDir(Path dir) throws java.io.IOException {
        Path console = dir.resolve("console.log");
        Path result = dir.resolve("result.json");
        if (!java.nio.file.Files.isRegularFile(result)) {
            try (java.io.InputStream in = org.kforge.InputFile.open(console, "console log")) {
                return of(org.kforge.console.LogDoctor.examine(in, String.valueOf(dir.getFileName())), console);
            }
        }
        com.fasterxml.jackson.databind.JsonNode j = org.kforge.Json.json().readTree(
                new String(org.kforge.InputFile.read(result, org.kforge.Limits.FILE_BYTES, "result.json"), java.nio.charset.StandardCharsets.UTF_8));
        List<Mark> marks = new java.util.ArrayList<>();
        for (String kind : List.of("milestones", "failures")) {
            for (com.fasterxml.jackson.databind.JsonNode m : j.path(kind)) {
                marks.add(new Mark(m.path("id").asText(), m.path("title").asText(), m.path("seconds").asDouble(-1), m.path("line").asInt(0),
                        m.hasNonNull("text") ? m.get("text").asText() : null, kind.equals("failures"), false));
            }
        }
        marks.sort(java.util.Comparator.comparingDouble(Mark::seconds));
        return new RunSummary(String.valueOf(dir.getFileName()), VerdictJson.read(j.path("verdict")), marks, j.path("seconds").asDouble(-1),
                console, ConsoleExcerpt.count(console), ktap(console));
    }

    static List<Mark> marks(List<Event> events) {
        return events.stream().map(Mark::of).toList();
    }

    /** The KTAP results in a console log, or null (no file, or no KTAP in it). */
    public static KtapRun ktap(Path console) {
        if (console == null || !java.nio.file.Files.isRegularFile(console)) return null;
        try (java.io.InputStream in = org.kforge.InputFile.open(console, "console log")) {
            KtapRun k = org.kforge.ktap.KtapParser.parse(in, console.toString());
            return k.found() ? k : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first bad line's number, or 0. */
    public int firstBadLine() {
        return verdict.firstBadLine() == null ? 0 : verdict.firstBadLine().number();
    }
}
