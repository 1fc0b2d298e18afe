package org.kforge.asset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.kforge.KforgeException;

/** Runs a host program to completion; a missing program or a failure becomes a one-line error with the fix. */
public final class HostCommand {
    private HostCommand() {
    }

    /** Runs {@code cmd} in {@code dir} (null: here) and returns its stdout; stderr is kept for the error. */
    public static String run(List<String> cmd, Path dir, String what, String hint) {
        return run(cmd, dir, java.util.Map.of(), what, hint);
    }

    /** The same, with {@code env} added to the program's environment. */
    public static String run(List<String> cmd, Path dir, java.util.Map<String, String> env, String what, String hint) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (dir != null) pb.directory(dir.toFile());
        pb.environment().put("LC_ALL", "C");
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var err = new java.io.ByteArrayOutputStream();
            Thread t = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException ignored) {
                    // the process is gone; what we have is what there is
                }
            });
            t.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            t.join();
            if (rc != 0) {
                List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
                String last = lines.stream().filter(l -> l.startsWith("E:")).findFirst()
                        .orElse(lines.isEmpty() ? "exit " + rc : lines.get(lines.size() - 1));
                throw new KforgeException(3, what + " failed: " + last.strip(), hint);
            }
            return out;
        } catch (IOException e) {
            throw KforgeException.hostMissing(cmd.get(0) + " is not installed (" + what + ")", hint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KforgeException(3, what + " was interrupted", null);
        }
    }
}
