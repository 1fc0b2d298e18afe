package org.kforge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.boot.AssetResolver;
import org.kforge.boot.BootAssets;
import org.kforge.boot.BootJob;
import org.kforge.boot.BootPlan;
import org.kforge.boot.BootPlanner;
import org.kforge.boot.BootResult;
import org.kforge.boot.KernelSymbols;
import org.kforge.boot.RunRegistry;
import org.kforge.boot.TwinBoot;
import org.kforge.pci.Bdf;
import org.kforge.pci.SysfsSnapshot;
import org.kforge.pci.VfioCheck;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;
import org.kforge.qemu.HostFacts;
import org.kforge.report.PlanJson;
import org.kforge.report.HtmlReport;
import org.kforge.report.ResultJson;
import org.kforge.report.RunSummary;
import org.kforge.report.VerdictText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "boot", mixinStandardHelpOptions = true,
        description = {"Boot a kernel on a QEMU twin, watch its console and say what happened.",
                "--json: result.json on stdout (the console on stderr); with --dry-run, the plan as data.",
                "With no options: Debian's arm64 kernel and busybox on qemu-virt-arm64."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:booted (or the --exec command's status; devices may have failed: --strict)", "1:the target failed (panic, no root, silence, timeout)",
                "2:bad usage or bad input", "3:the host lacks something (the message names the package)", "70:an internal error in kforge"})
final class BootCommand implements Callable<Integer>, WarmsUp {
    @CommandLine.Mixin
    BootJobOptions options = new BootJobOptions();
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--job", paramLabel = "FILE",
            description = "boot the job in FILE (job.json of a run, or YAML); options given here replace its fields")
    Path jobFile;
    @Option(names = "--out", description = "run directory (default: runs/<time>-<profile> under the cache)")
    Path out;
    @Option(names = "--dry-run", description = "print the plan (QEMU argv, a reason per option) and do nothing; with --json, as JSON")
    boolean dryRun;
    @Option(names = "--strict", description = "exit 1 for a booted system whose devices failed too")
    boolean strict;
    @Option(names = {"-q", "--quiet"}, description = "do not echo the console")
    boolean quiet;
    @CommandLine.Mixin
    JunitOption junit = new JunitOption();
    @Option(names = "--refresh", description = "ask Debian for the newest kernel and busybox instead of the cached ones")
    boolean refresh;

    /** The device list with vfio-pci added when the host can pass {@code bdf} through; otherwise the check's verdict and exit 3. */
    private List<String> withPassthrough(List<String> devices, String bdf) {
        SysfsSnapshot host = SysfsSnapshot.live();
        VfioCheck.Verdict v = VfioCheck.run(host, Bdf.parse(bdf));
        if (!v.ready()) {
            spec.commandLine().getErr().println("NOT READY: vfio passthrough of " + v.bdf());
            v.findings().forEach(f -> spec.commandLine().getErr().println(f.line()));
            throw KforgeException.hostMissing("--passthrough " + v.bdf() + ": this host cannot give the device to a guest (kforge vfio check, above)",
                    "fix the first 'fail' line, or boot without --passthrough");
        }
        List<String> all = new java.util.ArrayList<>(devices);
        all.add("vfio-pci,host=" + v.bdf());
        return all;
    }

    /** The job the user asked for: the options, or a job file with the options given in place of its fields. */
    private BootJob request() {
        if (jobFile == null) return options.job().check();
        return options.over(BootJob.read(jobFile), spec.commandLine().getParseResult());
    }

    /**
     * While picocli parses the options: Jackson's YAML reader of a machine profile (the profile itself is read once
     * the options say which), then the rules engine, needed only when QEMU prints its first line, then the JSON
     * writer, for result.json and the report once the boot ends (while the guest boots, this core idles).
     */
    @Override
    public void warmUp() {
        Thread t = new Thread(() -> {
            ProfileRegistry.warmUp();
            org.kforge.console.RuleBook.builtIn();
            org.kforge.Json.write(java.util.Map.of("warm", true));
        }, "kforge-warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        BootJob job = request();
        boolean json = Main.json(spec);
        MachineProfile p = ProfileRegistry.builtIn().select(job.profile());
        CacheDir cache = CacheDir.fromEnvironment();
        // what kforge boot adds to a job before it is planned: the built tree's Image, passthrough, the rootfs image
        BootJob.Builder effective = job.toBuilder();
        if (job.kernelTree() != null) effective.kernel(BuiltTree.image(Path.of(job.kernelTree()), job.kernel()).toString());
        if (job.passthrough() != null) effective.devices(withPassthrough(job.devices(), job.passthrough()));
        RootfsBoot rb = RootfsBoot.of(job, p, cache, dryRun, spec.commandLine().getErr());
        BootJob planned = rb.expand(effective.build());
        Consumer<String> progress = msg -> spec.commandLine().getErr().println("kforge: " + msg);
        BootPlanner.checkOut(out);
        junit.check();
        BootAssets assets = new AssetResolver(cache, progress, dryRun, refresh).resolve(p, planned);
        Path runDir = out != null ? out : BootPlanner.newRunDir(cache, p);
        BootPlan plan = BootPlanner.plan(p, planned, assets, HostFacts.probe(), runDir);
        if (dryRun) {
            spec.commandLine().getOut().print(json ? PlanJson.render(job, plan) + "\n" : plan.explain());
            return ExitCode.OK;
        }
        PrintWriter human = json || job.run() != null ? spec.commandLine().getErr() : spec.commandLine().getOut();
        BootPlanner.prepareRunDir(plan.runDir());
        spec.commandLine().getErr().println("kforge: " + plan.accel().reason());
        spec.commandLine().getErr().println("kforge: run directory " + plan.runDir());
        Path symbols = null;
        if (plan.gdbPort() != null) {
            if (job.kernelTree() != null) {
                symbols = Path.of(job.kernelTree()).resolve("System.map");
            } else if (plan.kernel().toFile().isFile()) {
                symbols = KernelSymbols.forKernel(p, plan.kernel(), cache, progress);
            }
            spec.commandLine().getErr().println("kforge: gdbstub on 127.0.0.1:" + plan.gdbPort() + (job.waitForGdb() ? ", CPU held at reset" : "")
                    + "; attach: kforge gdb, or gdb-multiarch -ex 'set architecture aarch64' -ex 'target remote 127.0.0.1:"
                    + plan.gdbPort() + "'");
        }
        new RunRegistry(cache).markLatest(plan.runDir());
        if (plan.sshPort() != null) spec.commandLine().getErr().println("kforge: ssh to the twin: kforge ssh (127.0.0.1:" + plan.sshPort() + ")");
        BootResult r = new TwinBoot(quiet ? line -> { } : human::println).withJob(job)
                .withSsh(rb.guest(json ? spec.commandLine().getErr() : spec.commandLine().getOut(), spec.commandLine().getErr())).run(plan, symbols);
        ResultJson.write(r, plan.runDir().resolve("result.json"));
        RunSummary summary = RunSummary.of(r);
        HtmlReport.write(List.of(summary), plan.runDir().resolve("report.html"));
        junit.write("boot", List.of(summary));
        human.print("\n" + VerdictText.render(r.events(), r.verdict(), true));
        human.println("  log: " + plan.runDir().resolve("console.log"));
        human.println("  report: " + plan.runDir().resolve("report.html"));
        if (json) spec.commandLine().getOut().println(ResultJson.render(r));
        return r.exitCode(strict);
    }
}
