package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.bisect.KernelBooter;
import org.kforge.board.DeployPlan;
import org.kforge.board.DeployPlanner;
import org.kforge.board.DeployResult;
import org.kforge.board.Deployer;
import org.kforge.board.TrialWatch;
import org.kforge.profile.BoardProfile;

/**
 * A bisection step's boot on a board: kforge deploy's trial (tryboot.txt, read once by the firmware) of the step's
 * Image, with its modules and DTBs from the build directory, judged on the board's console; good or bad, the board
 * goes back to config.txt's kernel and the trial's slot is removed (config.txt is never written).
 */
final class BoardBisectBoot implements KernelBooter {
    /** kforge deploy's own limits. */
    static final TrialWatch.Limits DEPLOY_LIMITS = new TrialWatch.Limits(Duration.ofSeconds(TrialWatch.SILENCE_SECONDS),
            Duration.ofSeconds(TrialWatch.HANG_SECONDS), Duration.ofSeconds(TrialWatch.TIMEOUT_SECONDS));
    /** The targets a step builds for a board: the kernel, its modules (when the config has them) and the DTBs. */
    static final java.util.List<String> TARGETS = java.util.List.of("Image", "modules", "dtbs");

    private final BoardProfile board;
    private final String boardArg;
    private final CacheDir cache;
    private final Path buildDir;
    private final String append;
    private final TrialWatch.Limits limits;
    private final Path runs;
    private final Consumer<String> progress;

    /** {@code boardArg}: how the user named the board ({@code --board NAME} or {@code --board-file FILE}), for the hints. */
    BoardBisectBoot(BoardProfile board, String boardArg, CacheDir cache, Path buildDir, String append, TrialWatch.Limits limits, Path runs,
                    Consumer<String> progress) {
        this.board = board;
        this.boardArg = boardArg;
        this.cache = cache;
        this.buildDir = buildDir;
        this.append = append;
        this.limits = limits;
        this.runs = runs;
        this.progress = progress;
    }

    @Override
    public Boot boot(String commit, Path image, int attempt) throws InterruptedException {
        try {
            Path runDir = KernelBooter.freshRunDir(runs, commit, attempt);
            Path modules = buildDir.resolve(org.kforge.build.KernelBuild.MODULES_STAGING);
            Path dtbs = buildDir.resolve("arch/arm64/boot/dts");
            // the commit on the command line: the board says which step it runs (/proc/cmdline), and the slot is the
            // step's own, never one a kforge deploy of the same kernel made (or config.txt boots)
            String words = (append == null || append.isBlank() ? "" : append.strip() + " ") + "kforge.bisect=" + commit.substring(0, 12);
            DeployPlan plan = DeployPlanner.plan(board, image, Files.isDirectory(modules) ? modules : null, null,
                    board.firmware().dtb() != null && Files.isDirectory(dtbs) ? dtbs : null, words, runDir);
            Files.writeString(runDir.resolve("plan.txt"), plan.explain());
            Path busybox = BoardDeploys.busybox(plan, cache, progress);
            Deployer deployer = BoardDeploys.deployer(board, cache, line -> progress.accept("  " + line), line -> { });
            DeployResult r = deployer.trial(plan, busybox, runDir, limits);
            if (r.fellBackTo() == null) {
                // every later step needs the board: stop here (exit 2 aborts the bisection) rather than skip them all
                throw new KforgeException(2, board.name() + " did not come back over ssh after the trial of " + commit.substring(0, 12)
                        + " (console: " + r.consoleLog() + "); bring it back (kforge console " + boardArg + ", kforge power " + boardArg
                        + " cycle), then: kforge bisect --continue", null);
            }
            return new Boot(r.verdict().booted(), r.verdict().outcome(), r.verdict().title(), r.consoleLog());
        } catch (IOException e) {
            throw KforgeException.hostMissing(board.name() + ": the trial of " + commit.substring(0, 12) + " failed: " + e.getMessage(),
                    "kforge ssh " + boardArg + " true");
        }
    }
}
