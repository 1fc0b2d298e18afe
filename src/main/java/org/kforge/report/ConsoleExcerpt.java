package org.kforge.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.kforge.InputFile;
import org.kforge.console.LogLines;

/** Console lines picked by number from a saved log, read as a stream (a 1 GB log is never held whole). */
public final class ConsoleExcerpt {
    /** A console line: its 1-based number and its text (UTF-8 again). */
    public record Line(int number, String text) {
    }

    private ConsoleExcerpt() {
    }

    /** The lines whose numbers {@code wanted} accepts, in order; none when there is no file. */
    public static List<Line> lines(Path console, IntPredicate wanted) {
        List<Line> out = new ArrayList<>();
        if (console == null || !java.nio.file.Files.isRegularFile(console)) return out;
        int[] n = {0};
        try (InputStream in = InputFile.open(console, "console log")) {
            LogLines.read(in, raw -> {
                n[0]++;
                if (wanted.test(n[0])) out.add(new Line(n[0], LogLines.utf8(raw)));
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** How many lines the log has (0 when there is no file). */
    public static int count(Path console) {
        if (console == null || !java.nio.file.Files.isRegularFile(console)) return 0;
        int[] n = {0};
        lines(console, i -> {
            n[0] = i;
            return false;
        });
        return n[0];
    }

    /** The lines {@code before} lines before to {@code after} lines after {@code center}. */
    public static List<Line> around(Path console, int center, int before, int after) {
        return lines(console, i -> i >= center - before && i <= center + after);
    }

    /** The last {@code count} of {@code total} lines. */
    public static List<Line> tail(Path console, int total, int count) {
        return lines(console, i -> i > total - count);
    }

    /** Lines as text, each "NNN| text". */
    public static String text(List<Line> lines) {
        StringBuilder s = new StringBuilder();
        for (Line l : lines) s.append(String.format("%6d| ", l.number())).append(l.text()).append('\n');
        return s.toString();
    }
}
