package org.kforge.cli;

import java.nio.file.Path;
import org.kforge.KforgeException;
import org.kforge.profile.BoardProfile;
import org.kforge.profile.BoardRegistry;
import picocli.CommandLine.Option;

/** {@code --board NAME} or {@code --board-file FILE}: the board a command works on. */
final class BoardOption {
    @Option(names = "--board", paramLabel = "NAME", description = "board profile (kforge profiles lists them)")
    String name;
    @Option(names = "--board-file", paramLabel = "FILE", description = "a board file of your own instead of --board")
    Path file;

    /** The board as its file says (a twin's live endpoints are not filled in). */
    BoardProfile profile() {
        return profile(name, file);
    }

    /** True when either option was given. */
    boolean given() {
        return name != null || file != null;
    }

    /** The board a name or a file names (one of them), as its file says. */
    static BoardProfile profile(String name, Path file) {
        if (name != null && file != null) throw KforgeException.badInput("--board and --board-file both name a board", "give one");
        if (name == null && file == null) throw KforgeException.badInput("no board given", "--board NAME (kforge profiles lists them) or --board-file FILE");
        BoardRegistry r = BoardRegistry.fromEnvironment();
        return file != null ? r.readFile(file) : r.select(name);
    }
}
