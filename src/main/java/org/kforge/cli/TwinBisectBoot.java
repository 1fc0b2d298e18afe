package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.bisect.KernelBooter;
import org.kforge.boot.AssetResolver;
import org.kforge.boot.BootJob;
import org.kforge.boot.BootPlan;
import org.kforge.boot.BootPlanner;
import org.kforge.boot.BootResult;
import org.kforge.boot.TwinBoot;
import org.kforge.profile.MachineProfile;
import org.kforge.qemu.HostFacts;
import org.kforge.report.ResultJson;

/** A bisection step's boot: the job of {@code kforge boot} with the step's Image, one run directory per commit and attempt. */
final class TwinBisectBoot implements KernelBooter {
    private final BootJob job;
    private final MachineProfile profile;
    private final CacheDir cache;
    private final Path runs;
    private final Consumer<String> progress;

    TwinBisectBoot(BootJob job, MachineProfile profile, CacheDir cache, Path runs, Consumer<String> progress) {
        this.job = job;
        this.profile = profile;
        this.cache = cache;
        this.runs = runs;
        this.progress = progress;
    }

    @Override
    public Boot boot(String commit, Path image, int attempt) throws InterruptedException {
        BootJob j = job.toBuilder().kernel(image.toString()).build();
        try {
            Path runDir = KernelBooter.freshRunDir(runs, commit, attempt);
            BootPlan plan = BootPlanner.plan(profile, j, new AssetResolver(cache, progress, false, false).resolve(profile, j),
                    HostFacts.probe(), runDir);
            BootPlanner.prepareRunDir(runDir);
            BootResult r = new TwinBoot(line -> { }).withJob(j).run(plan);
            ResultJson.write(r, runDir.resolve("result.json"));
            return new Boot(r.verdict().booted(), r.verdict().outcome(), r.verdict().title(), runDir.resolve("console.log"));
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot write a run directory under " + runs + ": " + e.getMessage(), null);
        }
    }
}
