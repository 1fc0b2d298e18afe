package org.kforge.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kforge.KforgeException;

/**
 * Boards: the shipped ones ({@code boards/index.txt} names them) and a user's own in
 * {@code $XDG_CONFIG_HOME/kforge/boards/NAME.yaml}; a user's file of a shipped name replaces it.
 */
public final class BoardRegistry {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Path userDir;

    public BoardRegistry(Path userDir) {
        this.userDir = userDir;
    }

    /** The user's board directory from the environment ({@code $XDG_CONFIG_HOME}, else ~/.config). */
    public static BoardRegistry fromEnvironment() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new BoardRegistry(config.resolve("kforge").resolve("boards"));
    }

    public Path userDir() {
        return userDir;
    }

    /** Every board: shipped ones first, then the user's; a user's file shadows a shipped one of its name. */
    public List<BoardProfile> list() {
        Map<String, BoardProfile> all = new LinkedHashMap<>();
        for (String name : shippedNames()) all.put(name, shipped(name));
        for (Path f : userFiles()) {
            BoardProfile p = readFile(f);
            all.put(p.name(), p);
        }
        return new ArrayList<>(all.values());
    }

    /** The board called {@code name} (or an alias of a shipped one); the user's file first. */
    public BoardProfile select(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        Path own = userDir.resolve(wanted + ".yaml");
        if (Files.isRegularFile(own)) return readFile(own);
        for (String n : shippedNames()) {
            BoardProfile p = shipped(n);
            if (p.name().equals(wanted) || p.aliases().contains(wanted)) return p;
        }
        throw KforgeException.badInput("Unknown board " + name + ". Available: " + String.join(", ", list().stream()
                .map(BoardProfile::name).toList()), "add your own: " + userDir.resolve(name + ".yaml") + " (or --board-file FILE)");
    }

    /** A board file given on the command line. */
    public BoardProfile readFile(Path file) {
        if (!Files.isRegularFile(file)) throw KforgeException.badInput("board file " + file + ": no such file", null);
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        try {
            return BoardFile.read(Files.readString(file), file.toString(), name, this::shippedTree);
        } catch (IOException e) {
            throw KforgeException.badInput("board file " + file + ": unreadable (" + e.getMessage() + ")", null);
        }
    }

    private List<Path> userFiles() {
        if (!Files.isDirectory(userDir)) return List.of();
        try (var s = Files.list(userDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> shippedNames() {
        return resource("boards/index.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static BoardProfile shipped(String name) {
        return BoardFile.read(resource("boards/" + name + ".yaml"), "kforge:boards/" + name + ".yaml", name, n -> null)
                .withSource("shipped");
    }

    private JsonNode shippedTree(String name) {
        if (!shippedNames().contains(name)) return null;
        try {
            return YAML.readTree(resource("boards/" + name + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = BoardRegistry.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("resource " + path + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
