package org.kforge.qemu;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kforge.KforgeException;

/**
 * Turns what QEMU printed when it stopped before the guest said anything into the cause: a file the
 * user gave (exit 2) or something the host lacks, with the Debian package (exit 3). The table is
 * {@code qemu/start-failures.yaml}.
 */
public final class QemuStartFailure {
    record Failure(Pattern pattern, int exit, String message, String fix) {
    }

    record Table(List<Failure> failures, Map<String, String> files) {
    }

    private static final Table TABLE = load();

    private QemuStartFailure() {
    }

    /** The exception to throw for QEMU's stderr {@code text}. */
    public static KforgeException explain(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (Failure f : TABLE.failures()) {
            Matcher m = f.pattern().matcher("");
            for (String line : lines) {
                if (m.reset(line).find()) return new KforgeException(exitFor(f, m), fill(f.message(), m), fill(f.fix(), m));
            }
        }
        String last = lines.isEmpty() ? "(no message)" : lines.get(lines.size() - 1);
        return KforgeException.badInput("QEMU stopped before the kernel printed anything: " + last,
                "run the QEMU command that kforge boot --dry-run prints to see all of QEMU's output");
    }

    /** A missing ROM no package is known for is the user's own file: exit 2, not 3. */
    private static int exitFor(Failure f, Matcher m) {
        return f.fix().contains("{package}") && packageFor(m.group(1)) == null ? 2 : f.exit();
    }

    private static String fill(String template, Matcher m) {
        String out = template.replace("{0}", m.group());
        for (int g = 1; g <= m.groupCount(); g++) out = out.replace("{" + g + "}", String.valueOf(m.group(g)));
        if (out.contains("{package}")) {
            String pkg = packageFor(m.group(1));
            out = pkg == null ? "give the device romfile= to load no ROM, or the ROM's full path"
                    : out.replace("{package}", pkg);
        }
        return out;
    }

    static String packageFor(String file) {
        Path name = Path.of(file).getFileName();
        for (var e : TABLE.files().entrySet()) {
            if (FileSystems.getDefault().getPathMatcher("glob:" + e.getKey()).matches(name)) return e.getValue();
        }
        return null;
    }

    private static Table load() {
        ObjectMapper yaml = org.kforge.Json.yamlData();
        try (InputStream in = QemuStartFailure.class.getResourceAsStream("/qemu/start-failures.yaml")) {
            return yaml.readValue(in, Table.class);
        } catch (IOException e) {
            throw new UncheckedIOException("qemu/start-failures.yaml is malformed", e);
        }
    }
}
