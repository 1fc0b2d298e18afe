package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.boot.AssetResolver;
import org.kforge.boot.BootAssets;
import org.kforge.boot.BootJob;
import org.kforge.boot.BootPlan;
import org.kforge.boot.BootPlanner;
import org.kforge.boot.BootResult;
import org.kforge.boot.RunRegistry;
import org.kforge.boot.TwinBoot;
import org.kforge.console.ConsoleText;
import org.kforge.ktap.KtapRun;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;
import org.kforge.qemu.HostFacts;
import org.kforge.report.HtmlReport;
import org.kforge.report.ResultJson;
import org.kforge.report.RunSummary;

/**
 * The KUnit kernel's boot: the job of {@code kforge boot} with the built Image and no initramfs, in a run directory
 * of its own (console.log, job.json, result.json, report.html), judged by the verdict engine as every boot is. Each
 * suite's result line is a progress line as it comes.
 */
final class KunitBoot {
    /** A suite's result: "ok 1 example" at the top level (the cases are indented under it). */
    private static final Pattern SUITE_RESULT = Pattern.compile("^(?:not )?ok \\d+ \\S.*");

    private final BootJob job;
    private final CacheDir cache;
    private final Consumer<String> progress;
    private final MachineProfile profile;

    KunitBoot(BootJob job, CacheDir cache, Consumer<String> progress) {
        this.job = job;
        this.cache = cache;
        this.progress = progress;
        this.profile = ProfileRegistry.builtIn().select(job.profile());
    }

    /** A finished boot: its result, what the reports show of it, and the KTAP results in its console. */
    record Run(BootResult result, RunSummary summary, KtapRun ktap) {
    }

    /** The boot's plan; a dry run before the first build plans with the Image still to come. */
    BootPlan plan(boolean dryRun) {
        Path image = Path.of(job.kernel());
        BootAssets assets = dryRun && !Files.isRegularFile(image)
                ? new BootAssets(image, null, null, List.of(), null, null, null, job.gdb(), null)
                : new AssetResolver(cache, progress, dryRun, false).resolve(profile, job);
        return BootPlanner.plan(profile, job, assets, HostFacts.probe(), dryRun ? Path.of("<run directory>") : BootPlanner.newRunDir(cache, profile));
    }

    Run run() throws InterruptedException {
        BootPlan plan = plan(false);
        Path runDir = plan.runDir();
        BootPlanner.prepareRunDir(runDir);
        try {
            job.writeInto(runDir);
            new RunRegistry(cache).markLatest(runDir);
            progress.accept("run directory " + runDir + " (console.log)");
            BootResult r = new TwinBoot(this::suiteResult).run(plan);
            ResultJson.write(r, runDir.resolve("result.json"));
            RunSummary summary = RunSummary.of(r);
            HtmlReport.write(List.of(summary), runDir.resolve("report.html"));
            KtapRun ktap = summary.ktap() != null ? summary.ktap() : TestKtapCommand.read(runDir.resolve("console.log").toString());
            return new Run(r, summary, ktap);
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot write the run directory " + runDir + ": " + e.getMessage(), null);
        }
    }

    private void suiteResult(String line) {
        String m = ConsoleText.message(line);
        if (SUITE_RESULT.matcher(m).matches()) progress.accept("  " + m);
    }
}
