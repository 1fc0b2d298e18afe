package org.kforge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.bisect.KernelBuilder;
import org.kforge.boot.BootJob;
import org.kforge.build.Ccache;
import org.kforge.build.KernelMake;
import org.kforge.build.Toolchain;
import org.kforge.kunit.Elapsed;
import org.kforge.kunit.KunitBuild;
import org.kforge.kunit.KunitConfig;
import org.kforge.kunit.KunitOutcome;
import org.kforge.report.KunitPlanText;
import org.kforge.report.KunitText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kunit", mixinStandardHelpOptions = true,
        description = {"Build the kernel tree (--kernel-tree T, default: here) with KUnit and its suites built in (tinyconfig +",
                "qemu-virt-arm64 + kunit + --config fragments; incremental, in a build directory under the cache keyed by tree",
                "and config, ccache in front of the compiler), boot it on the twin with kunit.filter_glob=GLOB and",
                "kunit_shutdown=poweroff (no userspace: KUnit runs at boot and the kernel powers off after the last suite),",
                "and report the results as kunit.py does; a kernel that dies mid-suite gets the verdict engine's diagnosis",
                "and the case that was running. Boot options as for kforge boot (--append, --timeout ...)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every test passed or was skipped", "1:a test failed or crashed, no suite matched, the build failed, or the kernel died",
                "2:bad usage or bad input (not a kernel tree, no such fragment, a suite the Kconfig drops)",
                "3:the host lacks something (the message names the package)", "70:an internal error in kforge"})
final class TestKunitCommand implements Callable<Integer> {
    /** After the user's filter: the kernel ends itself after the last suite (lib/kunit/executor.c, kunit_shutdown). */
    static final String SHUTDOWN = "kunit_shutdown=poweroff";

    @CommandLine.Mixin
    BootJobOptions boot = new BootJobOptions();
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    JunitOption junit = new JunitOption();
    @Option(names = "--filter", paramLabel = "GLOB", description = "kunit.filter_glob: the suites (suite or suite.case globs) to run (default: all built in)")
    String filter;
    @Option(names = "--config", paramLabel = "FRAGMENT", description = "a config fragment merged after kforge's (a file, or a name as for kforge config new)")
    List<String> fragments = new ArrayList<>();
    @Option(names = "-O", paramLabel = "BUILD_DIR", description = "build directory (default: under the cache, keyed by tree and config)")
    Path buildDir;
    @Option(names = "-j", defaultValue = "2", paramLabel = "N", description = "make jobs (default: ${DEFAULT-VALUE})")
    int jobs;
    @Option(names = "--dry-run", description = "print the plan (config, make, kernel command line, QEMU argv) and build nothing")
    boolean dryRun;

    @Override
    public Integer call() throws IOException, InterruptedException {
        junit.check();
        if (jobs < 1) throw KforgeException.badInput("-j " + jobs + ": at least 1", null);
        BootJob job = request();
        CacheDir cache = CacheDir.fromEnvironment();
        Path source = job.kernelTree() != null ? Path.of(job.kernelTree()) : Path.of("").toAbsolutePath();
        Toolchain tc = Toolchain.detect("arm64", System.getenv());
        KunitConfig config = KunitConfig.of(KernelMake.of(source, source, tc).source(), "arm64", fragments);
        KernelMake make = KernelMake.of(source, buildDir != null ? buildDir : config.buildDir(cache), tc)
                .with(Ccache.variables(tc, cache, System.getenv()));
        KunitBuild build = new KunitBuild(make, config, jobs, this::progress);
        BootJob kunitJob = job.toBuilder().kernelTree(null).kernel(build.image().toString()).noInitrd(true).append(append(job)).build();
        KunitBoot booting = new KunitBoot(kunitJob, cache, this::progress);
        if (dryRun) {
            spec.commandLine().getOut().print(KunitPlanText.render(config, make, jobs, build.configured(), booting.plan(true), Main.json(spec)));
            return ExitCode.OK;
        }
        long start = System.nanoTime();
        // Ctrl-C or SIGTERM during the build: make and its compilers are our own children; stop them, by pid
        Thread stopMake = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy), "kforge-stop-make");
        Runtime.getRuntime().addShutdownHook(stopMake);
        KernelBuilder.Built built;
        try {
            built = build.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopMake);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        double building = built.seconds();
        double configuring = (System.nanoTime() - start) / 1e9 - building;
        progress("built " + make.buildDir().resolve("arch/arm64/boot/Image") + " in " + Math.round(built.seconds()) + " s; booting it on "
                + kunitJob.profile() + " with " + kunitJob.append());
        KunitBoot.Run run = booting.run();
        KunitOutcome outcome = KunitOutcome.of(run.ktap(), run.result().verdict(), run.result().events());
        junit.write("test", List.of(run.summary()));
        Elapsed elapsed = new Elapsed(configuring, building, run.result().seconds());
        Path runDir = run.result().plan().runDir();
        spec.commandLine().getOut().println(Main.json(spec) ? KunitText.json(outcome, elapsed, make.buildDir(), runDir)
                : KunitText.text(outcome, run.result().events(), elapsed, runDir, filter).stripTrailing());
        return outcome.exitCode();
    }

    private void progress(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("kforge: " + line);
        err.flush();
    }

    /** The boot options that make sense here; a kernel, an initramfs or userspace is the command's own business. */
    private BootJob request() {
        BootJob job = boot.job().check();
        if (job.kernel() != null) throw KforgeException.badInput("--kernel names a kernel: kforge test kunit boots the one it builds", "give the source tree with --kernel-tree");
        if (job.initrd() != null || job.rootfs() != null || job.run() != null || job.exec() != null || !job.modules().isEmpty()
                || job.passthrough() != null || job.xen() != null) {
            throw KforgeException.badInput("KUnit runs at boot, before userspace: --initrd, --rootfs, --run, --exec, --module, --passthrough and --xen are not for it",
                    "leave them out");
        }
        if (filter != null && (filter.isBlank() || filter.chars().anyMatch(c -> c <= ' ' || c == '"' || c == 0x7f))) {
            throw KforgeException.badInput("--filter " + org.kforge.TerminalText.visible(filter) + ": one glob, no space or quote (it is one word of the kernel command line)",
                    "--filter 'list-kunit-test' or --filter 'example.example_simple_test'");
        }
        return job;
    }

    /** kunit.filter_glob (when given), the shutdown, then the user's --append. */
    private String append(BootJob job) {
        List<String> words = new ArrayList<>();
        if (filter != null) words.add("kunit.filter_glob=" + filter);
        words.add(SHUTDOWN);
        if (job.append() != null && !job.append().isBlank()) words.add(job.append().strip());
        return String.join(" ", words);
    }
}
