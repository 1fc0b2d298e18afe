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

    /**
     * Marks every kforge this test JVM starts, and so the QEMU each starts (it inherits the
     * environment): {@link #runningQemus} counts only those, not another checkout's twins.
     */
    private static final String TAG = "KFORGE_IT_RUN";
    private static final String TAG_VALUE = Long.toString(ProcessHandle.current().pid());

    /** A process builder for the built jar with these arguments, tagged. */
    public static ProcessBuilder command(String... args) {
        return command(List.of(), args);
    }

    /** The same, with options for the JVM (a heap bound: -Xmx256m). */
    public static ProcessBuilder command(List<String> jvm, String... args) {
        String jar = System.getProperty("kforge.jar", "target/kforge.jar");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put(TAG, TAG_VALUE);
        return pb;
    }

    public static Kforge run(String... args) throws IOException, InterruptedException {
        return within(300, Map.of(), args);
    }

    /** Runs with a time limit of its own (a rootfs build takes minutes) and extra environment. */
    public static Kforge within(int limitSeconds, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return within(limitSeconds, env, List.of(), null, args);
    }

    /** With JVM options and, when {@code stdin} is given, standard input read from that file. */
    public static Kforge within(int limitSeconds, Map<String, String> env, List<String> jvm, Path stdin, String... args)
            throws IOException, InterruptedException {
        File out = File.createTempFile("kforge-out", ".txt");
        File err = File.createTempFile("kforge-err", ".txt");
        long start = System.nanoTime();
        ProcessBuilder pb = command(jvm, args).redirectOutput(out).redirectError(err);
        if (stdin != null) pb.redirectInput(stdin.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stdin == null) p.getOutputStream().close();
        if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kforge " + String.join(" ", args) + " did not end within " + limitSeconds + " s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Kforge k = new Kforge(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8), seconds);
        out.delete();
        err.delete();
        LiveReplay.check(k, args);
        return k;
    }

    /** QEMU processes started by this JVM's kforge runs that are still running (none may be left behind). */
    public static long runningQemus() {
        return running("qemu-system-aarch64");
    }

    /** Processes of this program started by this JVM's kforge runs that are still running. */
    public static long running(String program) {
        byte[] mark = (TAG + "=" + TAG_VALUE).getBytes(StandardCharsets.UTF_8);
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().command().map(c -> c.endsWith("/" + program)).orElse(false))
                .filter(h -> {
                    try {
                        byte[] env = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "environ"));
                        return new String(env, StandardCharsets.ISO_8859_1).contains(new String(mark, StandardCharsets.ISO_8859_1));
                    } catch (IOException e) {
                        return false; // gone already
                    }
                }).count();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " after " + seconds + " s\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
