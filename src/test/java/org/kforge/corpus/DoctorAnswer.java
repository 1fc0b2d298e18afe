package org.kforge.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kforge.cli.CliRun;

/**
 * What {@code kforge doctor --json LOG} said about one log: its exit code, outcome, first bad
 * line and the failing layer. The layer is the JSON's {@code layer} when the doctor gives one;
 * otherwise it is read off the doctor's own first bad line: a line Xen printed about itself
 * ({@code (XEN)}, not a guest's {@code (XEN) DOMn:} line, not a trap taken by a domain
 * {@code dNvN}) names the hypervisor, anything else dom0.
 */
public record DoctorAnswer(int exitCode, String outcome, String firstBadLine, String layer) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** In this JVM, through the command line parser, exactly as a user runs it. */
    public static DoctorAnswer inProcess(Path log) throws IOException {
        CliRun r = CliRun.of("doctor", "--json", log.toString());
        return parse(r.exitCode(), r.out(), r.err());
    }

    /** Through the built jar, one JVM per log (the exit code a script would see). */
    public static DoctorAnswer throughJar(Path jar, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                jar.toString(), "doctor", "--json", log.toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("kforge doctor did not finish on " + log);
        }
        return parse(p.exitValue(), new String(out, StandardCharsets.UTF_8), "");
    }

    static DoctorAnswer parse(int exit, String out, String err) throws IOException {
        if (exit > 1) throw new IOException("kforge doctor exit " + exit + ": " + err.strip());
        JsonNode j = JSON.readTree(out);
        JsonNode line = j.path("first_bad_line");
        String text = line.isObject() ? line.path("text").asText() : null;
        String layer = j.hasNonNull("layer") ? normalLayer(j.get("layer").asText()) : layerOf(text);
        return new DoctorAnswer(exit, j.path("outcome").asText(), text, layer);
    }

    static String layerOf(String firstBadLine) {
        if (firstBadLine == null) return null;
        String s = firstBadLine.strip();
        int x = s.indexOf("(XEN)");
        if (x < 0) return "dom0";
        String rest = s.substring(x + 5);
        if (rest.matches("\\s*DOM\\d+:.*") || rest.matches(".*\\bd\\d+v\\d+\\b.*")) return "dom0";
        return "hypervisor";
    }

    /** "hypervisor (Xen 4.17)" and "dom0 kernel" are what a live boot prints; the corpus says hypervisor or dom0. */
    static String normalLayer(String layer) {
        String l = layer.toLowerCase(java.util.Locale.ROOT);
        if (l.startsWith("hypervisor") || l.startsWith("xen")) return "hypervisor";
        if (l.startsWith("dom0") || l.startsWith("kernel")) return "dom0";
        return l;
    }
}
