package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.asset.HostCommand;
import org.kforge.board.DeployPlan;
import org.kforge.board.DeployPlanner;
import org.kforge.board.DeployResult;
import org.kforge.board.Deployer;
import org.kforge.board.TrialWatch;
import org.kforge.profile.BoardProfile;
import org.kforge.report.VerdictText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Try a kernel on a board once (Raspberry Pi tryboot), keep it if it boots, fall back if not.",
                "Copies the kernel, DTBs and modules under new names, writes tryboot.txt, reboots into it once, watches the",
                "console; a good boot (ssh-ready on the new release) goes into config.txt, a bad one is power-cycled back."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:booted and promoted (or the plan printed, or rolled back)", "1:the trial failed: the board fell back",
                "2:bad usage or bad input", "3:the host lacks something"})
final class DeployCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin BoardOption board;
    @Option(names = "--kernel", paramLabel = "IMAGE", description = "the kernel Image (arch/arm64/boot/Image, or a Debian vmlinuz)")
    Path kernel;
    @Option(names = "--modules", paramLabel = "DIR",
            description = "DIR of make INSTALL_MOD_PATH=DIR modules_install (or an unpacked Debian kernel package): DIR/lib/modules/RELEASE")
    Path modules;
    @Option(names = "--dtbs", paramLabel = "DIR", description = "the kernel's DTB directory (arch/arm64/boot/dts; overlays/ in it go along)")
    Path dtbs;
    @Option(names = "--kernel-tree", paramLabel = "BUILD_DIR", description = "a kernel build: its Image, dts and (make modules_install) modules")
    Path kernelTree;
    @Option(names = "--append", description = "words added to the board's kernel command line for this kernel")
    String append;
    @Option(names = "--boot-partition", paramLabel = "DIR", description = "where the board mounts its boot partition (default: the profile's)")
    String bootPartition;
    @Option(names = "--dry-run", description = "print the plan (files, sizes, destinations, firmware lines) and do nothing")
    boolean dryRun;
    @Option(names = "--rollback", description = "restore the config.txt before the last promotion and reboot into it")
    boolean rollback;
    @Option(names = "--timeout", description = "seconds for the trial boot to reach ssh-ready (default ${DEFAULT-VALUE})", defaultValue = "" + TrialWatch.TIMEOUT_SECONDS)
    int timeout;
    @Option(names = "--silence-timeout", description = "seconds without the new kernel's first line (default ${DEFAULT-VALUE})", defaultValue = "" + TrialWatch.SILENCE_SECONDS)
    int silence;
    @Option(names = "--hang-timeout", description = "seconds of console silence before hang (default ${DEFAULT-VALUE})", defaultValue = "" + TrialWatch.HANG_SECONDS)
    int hang;
    @Option(names = {"-q", "--quiet"}, description = "do not echo the console")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CacheDir cache = CacheDir.fromEnvironment();
        BoardProfile b = board.profile();
        if (bootPartition != null) {
            if (!bootPartition.startsWith("/")) throw KforgeException.badInput("--boot-partition " + bootPartition + ": an absolute path", null);
            b = b.withPartition(bootPartition.replaceAll("/+$", ""));
        }
        if (timeout <= 0 || silence <= 0 || hang <= 0) throw KforgeException.badInput("timeouts must be positive", null);
        if (!dryRun) b = TwinBoards.live(b, cache);
        BoardProfile live = b;
        StatusLine status = new StatusLine(spec.commandLine().getErr());
        Deployer deployer = BoardDeploys.deployer(live, cache, status::show, quiet ? line -> { } : spec.commandLine().getOut()::println);
        if (rollback) {
            if (kernel != null || kernelTree != null || modules != null) throw KforgeException.badInput("--rollback takes no kernel", null);
            if (dryRun) {
                spec.commandLine().getOut().println("rollback: " + b.firmware().partition() + "/" + b.firmware().config() + " <- "
                        + b.firmware().config() + ".kforge-previous, then reboot");
                return ExitCode.OK;
            }
            try (status) {
                spec.commandLine().getOut().println(b.name() + " rolled back: running " + deployer.rollback(b));
            }
            return ExitCode.OK;
        }
        Path modulesToInstall = null;
        if (kernelTree != null) {
            kernel = BuiltTree.image(kernelTree, kernel == null ? null : kernel.toString());
            if (dtbs == null && Files.isDirectory(kernelTree.resolve("arch/arm64/boot/dts"))) dtbs = kernelTree.resolve("arch/arm64/boot/dts");
            if (modules == null && Files.isRegularFile(kernelTree.resolve("modules.order"))) modulesToInstall = kernelTree;
        }
        Path runDir = org.kforge.boot.RunRegistry.newRun(cache, "deploy-" + b.name());
        DeployPlan plan = DeployPlanner.plan(b, kernel, modules, modulesToInstall, dtbs, append, runDir);
        if (dryRun) {
            spec.commandLine().getOut().print(plan.explain());
            return ExitCode.OK;
        }
        spec.commandLine().getOut().print(plan.explain());
        spec.commandLine().getOut().println();
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("plan.txt"), plan.explain());
        if (modulesToInstall != null) {
            Path staged = runDir.resolve("modules");
            status.show("make modules_install into " + staged);
            HostCommand.run(List.of("make", "-C", kernelTree.toString(), "ARCH=arm64", "INSTALL_MOD_PATH=" + staged, "modules_install"),
                    null, "make modules_install", "kforge build the tree first");
            plan = DeployPlanner.plan(b, kernel, staged, null, dtbs, append, runDir);
        }
        Path busybox = BoardDeploys.busybox(plan, cache, status::show);
        DeployResult r;
        try (status) {
            r = deployer.run(plan, busybox, runDir, new TrialWatch.Limits(Duration.ofSeconds(silence), Duration.ofSeconds(hang),
                    Duration.ofSeconds(timeout)));
        }
        spec.commandLine().getOut().print(VerdictText.render(r.events(), r.verdict(), true));
        if (r.promoted()) {
            spec.commandLine().getOut().println("promoted: " + b.firmware().config() + " now boots " + r.release() + " (" + plan.slot() + ")");
        } else {
            spec.commandLine().getOut().println(r.fellBackTo() != null ? "fell back to " + r.fellBackTo()
                    : "the board did not come back over ssh: kforge console --board " + b.name());
            if (r.configSha256After() != null) {
                spec.commandLine().getOut().println(b.firmware().config() + (r.configUnchanged() ? " unchanged" : " CHANGED") + " (sha256 "
                        + r.configSha256After() + ")");
            }
        }
        spec.commandLine().getOut().println("  log: " + r.consoleLog());
        return r.promoted() ? ExitCode.OK : ExitCode.TARGET_FAILED;
    }
}
