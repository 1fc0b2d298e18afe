package org.kforge.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built kforge jar as a user would, and keeps what it printed and how long it took. */
public record Kforge(int exitCode, String out, String err, double seconds) {

    public static Kforge run(String... args) throws IOException, InterruptedException {
        return within(300, Map.of(), args);
    }

    /** Runs with a time limit of its own (a rootfs build takes minutes) and extra environment. */
    public static Kforge within(int limitSeconds, Map<String, String> env, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("kforge.jar", "target/kforge.jar");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        cmd.addAll(List.of(args));
        File out = File.createTempFile("kforge-out", ".txt");
        File err = File.createTempFile("kforge-err", ".txt");
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kforge " + String.join(" ", args) + " did not end within " + limitSeconds + " s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Kforge k = new Kforge(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8), seconds);
        out.delete();
        err.delete();
        return k;
    }

    /** QEMU processes of this user still running (none may be left behind by a kforge run). */
    public static long runningQemus() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pgrep", "-c", "-x", "qemu-system-aar").start();
        String n = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return n.isEmpty() ? 0 : Long.parseLong(n);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " after " + seconds + " s\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
