package org.kforge.jtag;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.kforge.KforgeException;

/**
 * The {@code jtag:} part of a board: of a board the registry knows ({@code --board NAME}: shipped, or the
 * user's own board file, {@code extends:} applied), or of a file given with {@code --board-file}, which may hold
 * only {@code name:} and {@code jtag:} (a probe's board needs no console or power to be debugged).
 */
public final class JtagBoardFile {
    private static final ObjectMapper YAML = org.kforge.Json.yamlData();

    private JtagBoardFile() {
    }

    /** A board's name and its JTAG part. */
    public record Board(String name, JtagSpec jtag) {
    }

    /** The JTAG part of a board the registry read (its {@code jtag:} kept as the file had it). */
    public static Board of(org.kforge.profile.BoardProfile p) {
        Map<String, Object> raw = new java.util.HashMap<>();
        raw.put("name", p.name());
        if (p.jtag() != null && !p.jtag().isNull()) raw.put("jtag", YAML.convertValue(p.jtag(), new TypeReference<Object>() { }));
        return board(raw, "board " + p.name(), null);
    }

    /** A user's board file; relative config paths that exist beside it are taken from there. */
    public static Board file(Path file) {
        if (!Files.isRegularFile(file)) throw KforgeException.badInput("--board-file " + file + ": no such file", null);
        Map<String, Object> raw;
        try {
            raw = YAML.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw KforgeException.badInput(file + " is not a board file: " + firstLine(e.getMessage()), "check its YAML");
        }
        if (raw == null) throw KforgeException.badInput(file + " is empty", "give it name: and jtag:");
        return board(raw, file.toString(), file.toAbsolutePath().getParent());
    }

    @SuppressWarnings("unchecked")
    private static Board board(Map<String, Object> raw, String where, Path dir) {
        Object jtag = raw.get("jtag");
        if (jtag != null && !(jtag instanceof Map)) throw KforgeException.badInput(where + ": jtag must be a map", "see boards/rpi4.yaml for its keys");
        JtagSpec spec = JtagSpec.fromMap((Map<String, ?>) jtag, where);
        if (dir != null) spec = besides(spec, dir);
        Object name = raw.get("name");
        return new Board(name == null ? where : name.toString(), spec);
    }

    private static JtagSpec besides(JtagSpec s, Path dir) {
        JtagSpec.Adapter a = s.adapter();
        JtagSpec.Adapter adapter = new JtagSpec.Adapter(a.kind(), local(a.config(), dir), a.host(), a.port(), a.commands());
        return new JtagSpec(adapter, local(s.target(), dir), s.chip(), s.cores(), s.smp(), s.speedKhz(), s.resetConfig(),
                s.idcode(), s.ports());
    }

    private static String local(String config, Path dir) {
        if (config == null || Path.of(config).isAbsolute()) return config;
        Path beside = dir.resolve(config);
        return Files.isRegularFile(beside) ? beside.toString() : config;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
