package org.kforge.bisect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kforge.Json;
import org.kforge.KforgeException;
import org.kforge.boot.BootJob;

/**
 * What {@code kforge bisect --continue} needs to go on after Ctrl-C: the request (tree, ends, build, boot job, repeat,
 * match, the board if the steps boot on one) and every commit tested so far. Written after each step through a temporary file: never half-written.
 */
public record BisectState(String tree, String good, String bad, String buildDir, String base, List<String> fragments,
                          int repeat, String match, BootJob job, List<Step> steps, String board, String boardFile) {
    public static final String FILE = "bisect.json";

    public BisectState {
        fragments = List.copyOf(fragments);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public BisectState with(Step step) {
        List<Step> all = new ArrayList<>(steps);
        all.add(step);
        return new BisectState(tree, good, bad, buildDir, base, fragments, repeat, match, job, all, board, boardFile);
    }

    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            org.kforge.OutputFile.write(dir.resolve(FILE), Json.write(this) + "\n");
        } catch (IOException e) {
            throw KforgeException.badInput("cannot write the bisection state " + dir.resolve(FILE) + ": " + e.getMessage(), null);
        }
    }

    public static BisectState read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw KforgeException.badInput("no bisection to continue: " + file + " does not exist", "start one: kforge bisect --tree T --good REV --bad REV");
        }
        try {
            return Json.json().readValue(file.toFile(), BisectState.class);
        } catch (IOException e) {
            throw KforgeException.badInput("cannot read the bisection state " + file + ": " + e.getMessage().lines().findFirst().orElse(""),
                    "start the bisection again without --continue");
        }
    }
}
