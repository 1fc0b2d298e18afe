package org.kforge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.bisect.BisectConfig;
import org.kforge.bisect.BisectReport;
import org.kforge.bisect.BisectState;
import org.kforge.bisect.Bisection;
import org.kforge.bisect.BootMatch;
import org.kforge.bisect.GitBisect;
import org.kforge.bisect.Step;
import org.kforge.bisect.TreeBuilder;
import org.kforge.boot.BootJob;
import org.kforge.build.KernelMake;
import org.kforge.build.Toolchain;
import org.kforge.compare.Comparison;
import org.kforge.compare.LogComparer;
import org.kforge.bisect.KernelBooter;
import org.kforge.board.TrialWatch;
import org.kforge.profile.BoardProfile;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;
import org.kforge.report.BisectText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bisect", mixinStandardHelpOptions = true,
        description = {"Find the commit that broke the boot: git bisect in --tree, each step built in one build directory",
                "and booted on the twin (or tried on a board with --board, as kforge deploy tries a kernel, never promoted),",
                "judged by the verdict engine; then the culprit's boot against its parent's.",
                "A build error or a host failure is a skip, never bad; a boot that fails otherwise than the bad end is not bad.",
                "The tree is left as it was found (git bisect reset), also on Ctrl-C; --continue goes on from the state file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the first bad commit was found", "1:no single commit can be blamed (only skipped ones left, or byte-identical kernels)",
                "2:bad usage or bad input (a good end that is bad, a bad end that boots, a dirty tree)", "3:the host lacks something",
                "70:an internal error in kforge"})
final class BisectCommand implements Callable<Integer> {
    @CommandLine.Mixin
    BootJobOptions boot = new BootJobOptions();
    @CommandLine.Mixin
    JunitOption junit = new JunitOption();
    @CommandLine.Mixin
    BoardOption board = new BoardOption();
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--tree", paramLabel = "DIR", description = "the kernel git work tree to bisect") Path tree;
    @Option(names = "--good", paramLabel = "REV", description = "a revision that boots") String good;
    @Option(names = "--bad", paramLabel = "REV", description = "a revision that fails to boot") String bad;
    @Option(names = "-O", paramLabel = "BUILD_DIR", description = "the one build directory of every step (default: under the cache, per tree)") Path buildDir;
    @Option(names = "--base", paramLabel = "defconfig|tinyconfig|FILE", defaultValue = "defconfig",
            description = "the base config (default: ${DEFAULT-VALUE})") String base;
    @Option(names = "--config", paramLabel = "FRAGMENT", description = "a config fragment merged onto the base (as kforge config new --fragment)")
    List<String> fragments = new ArrayList<>();
    @Option(names = "-j", defaultValue = "2", paramLabel = "N", description = "make jobs (default: ${DEFAULT-VALUE})") int jobs;
    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
            description = "boots per step; a step is bad when the bad end's failure shows in one of them (default: ${DEFAULT-VALUE})") int repeat;
    @Option(names = "--match", paramLabel = "OUTCOME|WORDS",
            description = "the failure that makes a step bad: a verdict outcome (panic, no-console...) or words of its title (default: the bad end's outcome)")
    String match;
    @Option(names = "--dry-run", description = "print the plan (commits, steps, make and boot) and change nothing") boolean dryRun;
    @Option(names = "--continue", description = "go on with the bisection the state file of --tree (or the latest) holds") boolean resume;
    private volatile boolean stopping;

    @Override
    public Integer call() throws IOException, InterruptedException {
        junit.check();
        CacheDir cache = CacheDir.fromEnvironment();
        BisectState state = resume ? BisectState.read(stateDir(cache, tree)) : request();
        Path stateDir = stateDir(cache, Path.of(state.tree()));
        GitBisect git = GitBisect.open(Path.of(state.tree()));
        String goodId = git.resolve(state.good());
        String badId = git.resolve(state.bad());
        MachineProfile profile = ProfileRegistry.builtIn().select(state.job().profile());
        BoardProfile onBoard = state.board() == null && state.boardFile() == null ? null
                : BoardOption.profile(state.board(), state.boardFile() == null ? null : Path.of(state.boardFile()));
        List<String> targets = onBoard == null ? List.of("Image") : BoardBisectBoot.TARGETS;
        KernelMake make = KernelMake.of(Path.of(state.tree()), Path.of(state.buildDir()), Toolchain.detect("arm64", System.getenv()));
        make = make.with(org.kforge.build.Ccache.variables(make.toolchain(), cache, System.getenv()));
        BisectConfig.check(state.base(), state.fragments(), make.source(), "arm64");
        PrintWriter err = spec.commandLine().getErr();
        if (dryRun) {
            spec.commandLine().getOut().print(Main.json(spec) ? planJson(state, git, goodId, badId, make, targets, stateDir)
                    : plan(state, git, goodId, badId, make, targets, onBoard == null ? profile.name() : null, onBoard, stateDir));
            return ExitCode.OK;
        }
        Consumer<String> progress = msg -> {
            if (!stopping) err.println("kforge: " + msg);
        };
        if (!resume || !Files.isRegularFile(make.buildDir().resolve(TreeBuilder.CONFIG))) {
            progress.accept("config: " + state.base() + (state.fragments().isEmpty() ? "" : " + " + String.join(" + ", state.fragments())));
            BisectConfig.prepare(make, state.base(), state.fragments());
        }
        state.write(stateDir);
        Files.writeString(cache.dir("bisect").resolve("latest"), stateDir + "\n");
        progress.accept("bisecting " + git.between(goodId, badId) + " commits in " + state.tree() + "; state " + stateDir.resolve(BisectState.FILE));
        BisectState[] saved = {state};
        KernelBooter booter = onBoard == null ? new TwinBisectBoot(state.job(), profile, cache, stateDir.resolve("boots"), progress)
                : new BoardBisectBoot(TwinBoards.live(onBoard, cache), boardArg(state), cache, make.buildDir(), state.job().append(), limits(state.job()),
                        stateDir.resolve("boots"), progress);
        Bisection b = new Bisection(git, new TreeBuilder(make, jobs, targets, line -> progress.accept("  " + line)), booter, state.repeat(),
                state.match() == null ? null : BootMatch.of(state.match()))
                .progress(progress).resume(state.steps()).onStep(s -> {
                    // a step whose make or QEMU the shutdown hook stopped says nothing of its commit
                    if (stopping) return;
                    saved[0] = saved[0].with(s);
                    saved[0].write(stateDir);
                });
        // Ctrl-C or SIGTERM: stop make and QEMU (our own children, by pid), then put the tree back
        Thread onExit = new Thread(() -> {
            stopping = true;
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            git.reset();
            err.println("kforge: stopped; the tree is as it was found; go on with: kforge bisect --continue --tree " + state.tree());
            if (onBoard != null) {
                // config.txt was never written: a power cycle brings its kernel back whatever the trial was doing
                err.println("kforge: " + onBoard.name() + " may be on a trial kernel; config.txt's comes back with: kforge power "
                        + boardArg(state) + " cycle");
            }
            err.flush();
        }, "kforge-bisect-reset");
        Runtime.getRuntime().addShutdownHook(onExit);
        BisectReport r;
        try {
            r = b.run(goodId, badId);
        } catch (RuntimeException e) {
            if (!stopping) throw e;
            // the step failed because Ctrl-C stopped its make or QEMU: the hook's line is the whole story
            onExit.join();
            return ExitCode.TARGET_FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        Comparison c = compare(r);
        junit.write("bisect", boots(r));
        spec.commandLine().getOut().print(Main.json(spec) ? BisectText.json(r, c) + "\n" : BisectText.text(r, c));
        return r.exitCode();
    }

    /** Every boot of every step, in the order they ran (a test case each, for --junit). */
    private static List<org.kforge.report.RunSummary> boots(BisectReport r) throws IOException {
        List<org.kforge.report.RunSummary> out = new ArrayList<>();
        for (org.kforge.bisect.Step s : r.steps()) {
            for (var b : s.boots()) {
                if (b.log() != null && java.nio.file.Files.isRegularFile(b.log())) out.add(org.kforge.report.RunSummary.ofRunDir(b.log().getParent()));
            }
        }
        return out;
    }

    /** The culprit's boot (B) against its parent's (A): the first line where they part. */
    private static Comparison compare(BisectReport r) throws IOException {
        if (r.culpritStep() == null || r.parentStep() == null) return null;
        Path a = r.parentStep().log(r.match());
        Path b = r.culpritStep().log(r.match());
        return a == null || b == null || !Files.isRegularFile(a) || !Files.isRegularFile(b) ? null : LogComparer.compare(a, b);
    }

    private BisectState request() throws IOException {
        if (tree == null || good == null || bad == null) {
            throw KforgeException.badInput("kforge bisect needs --tree, --good and --bad", "kforge bisect --tree linux --good v6.1 --bad HEAD (or --continue)");
        }
        if (jobs < 1) throw KforgeException.badInput("-j " + jobs + ": at least 1", null);
        if (repeat < 1) throw KforgeException.badInput("--repeat " + repeat + ": at least 1", null);
        BootJob job = boot.job().check();
        if (job.kernel() != null || job.kernelTree() != null) {
            throw KforgeException.badInput("--kernel and --kernel-tree name a kernel: kforge bisect boots the one each step builds", "leave them out");
        }
        if (job.rootfs() != null || job.run() != null || job.gdb() != null || job.passthrough() != null) {
            throw KforgeException.badInput("kforge bisect boots the busybox initramfs: --rootfs, --run, --gdb and --passthrough are not for it", "leave them out");
        }
        if (match != null) BootMatch.of(match);
        String boardFile = null;
        if (board.given()) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--profile")) {
                throw KforgeException.badInput("--profile names a twin machine; with --board the steps' kernels boot on the board", "leave --profile out");
            }
            board.profile(); // an unknown board or a bad board file: said now, not after the first build
            boardFile = board.file == null ? null : board.file.toAbsolutePath().normalize().toString();
        }
        Path t = tree.toAbsolutePath().normalize();
        Path out = buildDir != null ? buildDir.toAbsolutePath().normalize() : stateDir(CacheDir.fromEnvironment(), t).resolve("build");
        return new BisectState(t.toString(), good, bad, out.toString(), base, fragments, repeat, match, job, List.of(), board.name, boardFile);
    }

    /** How the user named the bisection's board, for the hints: {@code --board NAME} or {@code --board-file FILE}. */
    private static String boardArg(BisectState s) {
        return s.boardFile() != null ? "--board-file " + org.kforge.ShellWords.quote(s.boardFile()) : "--board " + s.board();
    }

    /** A board step's limits: the job's timeouts where given, else kforge deploy's. */
    private static TrialWatch.Limits limits(BootJob job) {
        TrialWatch.Limits d = BoardBisectBoot.DEPLOY_LIMITS;
        return new TrialWatch.Limits(job.silenceTimeout() == null ? d.silence() : java.time.Duration.ofSeconds(job.silenceTimeout()),
                job.hangTimeout() == null ? d.hang() : java.time.Duration.ofSeconds(job.hangTimeout()),
                job.timeout() == null ? d.timeout() : java.time.Duration.ofSeconds(job.timeout()));
    }

    /** The state of a tree's bisection: {@code <cache>/bisect/<name>-<hash of its path>}; with no tree, the latest. */
    private static Path stateDir(CacheDir cache, Path tree) throws IOException {
        if (tree == null) {
            Path latest = cache.dir("bisect").resolve("latest");
            if (!Files.isRegularFile(latest)) throw KforgeException.badInput("no bisection to continue", "give --tree, or start one");
            return Path.of(Files.readString(latest).strip());
        }
        Path t = tree.toAbsolutePath().normalize();
        String key = HexFormat.of().toHexDigits(t.toString().hashCode());
        return cache.dir("bisect").resolve(t.getFileName() + "-" + key);
    }

    private static String planJson(BisectState s, GitBisect git, String goodId, String badId, KernelMake make, List<String> targets, Path stateDir) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("request", s);
        m.put("good", git.describe(goodId));
        m.put("bad", git.describe(badId));
        m.put("commits", git.between(goodId, badId));
        m.put("make_argv", TreeBuilder.reproducible(make).argv(targets.toArray(String[]::new)));
        m.put("state_file", stateDir.resolve(BisectState.FILE).toString());
        return org.kforge.Json.write(m) + "\n";
    }

    private String plan(BisectState s, GitBisect git, String goodId, String badId, KernelMake make, List<String> targets, String twin,
                        BoardProfile onBoard, Path stateDir) {
        int n = git.between(goodId, badId);
        StringBuilder out = new StringBuilder();
        out.append("tree:     ").append(s.tree()).append(" (HEAD ").append(git.head()).append(", left as it is: git bisect reset)\n");
        out.append("good:     ").append(git.describe(goodId).shortId()).append("  ").append(git.describe(goodId).subject()).append('\n');
        out.append("bad:      ").append(git.describe(badId).shortId()).append("  ").append(git.describe(badId).subject()).append('\n');
        // the first bad commit is one of the n after the good end (the bad end included): ceil(log2 n) steps find it
        int steps = n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
        out.append(String.format("commits:  %d between them: about %d %s, after both ends%n", n, steps, steps == 1 ? "step" : "steps"));
        out.append("config:   ").append(s.base()).append(s.fragments().isEmpty() ? "" : " + " + String.join(" + ", s.fragments()))
                .append(", then make olddefconfig at each step\n");
        out.append("build:    ").append(TreeBuilder.reproducible(make).with(List.of("-j" + jobs)).commandLine(targets.toArray(String[]::new))).append('\n');
        String append = s.job().append() == null ? "" : "--append " + org.kforge.ShellWords.quote(s.job().append()) + " ";
        String times = s.repeat() + (s.repeat() == 1 ? " boot" : " boots") + " a step";
        if (onBoard == null) {
            out.append("boot:     ").append(twin).append(" (as kforge boot ").append(append).append("--kernel-tree ").append(s.buildDir()).append("), ")
                    .append(times).append('\n');
        } else {
            BoardProfile.Firmware f = onBoard.firmware();
            out.append("boot:     board ").append(onBoard.name()).append(" (as kforge deploy ").append(append).append("--kernel-tree ").append(s.buildDir())
                    .append(", never promoted), ").append(times).append('\n');
            out.append("          each a trial: ").append(f.partition()).append('/').append(f.tryboot()).append(" read once (").append(f.trybootReboot())
                    .append("), then back to ").append(f.config()).append("'s kernel and the slot removed; ").append(f.config()).append(" is never written\n");
        }
        out.append("bad is:   ").append(s.match() == null ? "the bad end's verdict outcome" : "--match " + s.match()).append('\n');
        out.append("state:    ").append(stateDir.resolve(BisectState.FILE)).append(" (kforge bisect --continue)\n");
        return out.toString();
    }
}
