package org.kforge.build;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.kforge.KforgeException;

/**
 * A kernel build: make with the targets asked for, output kept whole in {@code kforge-build.log} and fed to a
 * progress line, modules installed into {@code kforge-modules/}, artifacts recorded in {@code build.json}.
 */
public final class KernelBuild {
    /** Where {@code make modules_install} puts a build's modules, in the build directory ({@code INSTALL_MOD_PATH}). */
    public static final String MODULES_STAGING = "kforge-modules";
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final KernelMake make;
    private final int jobs;
    private final List<String> targets;
    private final Consumer<String> progress;

    public KernelBuild(KernelMake make, int jobs, List<String> targets, Consumer<String> progress) {
        this.make = make;
        this.jobs = jobs;
        this.targets = List.copyOf(targets);
        this.progress = progress;
    }

    public BuildArtifacts run() throws IOException, InterruptedException {
        Path config = make.dotConfig();
        if (!Files.isRegularFile(config)) {
            throw KforgeException.badInput("no .config in " + make.buildDir(), "kforge config new -O " + make.buildDir());
        }
        boolean modules = targets.contains("modules");
        List<String> wanted = new ArrayList<>(targets);
        if (modules && !"y".equals(org.kforge.kconfig.KernelConfig.read(config).value("MODULES"))) {
            progress.accept("CONFIG_MODULES is not set: no modules to build");
            wanted.remove("modules");
            modules = false;
        }
        // an earlier build's modules (another commit, another config) must not pass for this one's
        if (targets.contains("modules")) org.kforge.asset.FileTrees.delete(stagingDir());
        Path log = make.buildDir().resolve("kforge-build.log");
        long start = System.nanoTime();
        BuildLog parsed = new BuildLog();
        List<String> argv = new ArrayList<>(make.argv("-j" + jobs));
        argv.remove("-s");
        argv.addAll(wanted);
        progress.accept("make: " + String.join(" ", argv));
        int rc = runLogged(argv, log, parsed, start);
        if (rc == 0 && modules) {
            List<String> install = new ArrayList<>(make.argv("modules_install", "INSTALL_MOD_PATH=" + stagingDir()));
            install.remove("-s");
            rc = runLogged(install, log, parsed, start);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (rc != 0) {
            String first = parsed.firstError() != null ? parsed.firstError() : "make exited " + rc;
            throw new KforgeException(1, "build failed after " + Math.round(seconds) + " s: " + first, "full log: " + log);
        }
        BuildArtifacts a = BuildArtifacts.in(make.buildDir(), make.toolchain().arch(), modules ? modulesDir() : null,
                log, seconds, wanted);
        org.kforge.Json.json().writeValue(make.buildDir().resolve("build.json").toFile(), a);
        return a;
    }

    private Path stagingDir() {
        return make.buildDir().resolve(MODULES_STAGING);
    }

    private Path modulesDir() throws IOException {
        Path rel = make.buildDir().resolve("include/config/kernel.release");
        return stagingDir().resolve("lib/modules/" + Files.readString(rel).strip());
    }

    private int runLogged(List<String> argv, Path log, BuildLog parsed, long start) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        long lastReport = System.nanoTime();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                parsed.accept(line);
                if (System.nanoTime() - lastReport > PROGRESS_EVERY_NANOS) {
                    lastReport = System.nanoTime();
                    progress.accept(String.format("%4d s, %5d steps, %s", (lastReport - start) / 1_000_000_000L,
                            parsed.steps(), parsed.lastStep()));
                }
            }
        }
        return p.waitFor();
    }
}
