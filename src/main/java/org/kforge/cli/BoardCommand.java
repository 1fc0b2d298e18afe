package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.asset.DebianAssets;
import org.kforge.asset.KernelPackage;
import org.kforge.profile.BoardProfile;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;
import org.kforge.qemu.Accel;
import org.kforge.qemu.HostFacts;
import org.kforge.board.TwinControl;
import org.kforge.twin.TwinDisk;
import org.kforge.twin.TwinQemu;
import org.kforge.twin.TwinStandIn;
import org.kforge.twin.TwinState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "board", mixinStandardHelpOptions = true,
        description = {"Run a twin board in the background: kforge board start twin | stop twin | status twin.",
                "The twin boots from a FAT partition in the Raspberry Pi's layout; kforge deploy, console, power and",
                "ssh then use it through its profile, as they use a real board."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the twin did not come up", "2:bad usage (not a twin board, not running)", "3:the host lacks a package"})
final class BoardCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "ACTION", description = "start, stop or status")
    String action;
    @Parameters(index = "1", paramLabel = "BOARD", description = "a twin board (kforge profiles lists them)")
    String board;
    @Option(names = "--fresh", description = "start: make the twin's disk anew (its boot partition and root as first built)")
    boolean fresh;
    @Option(names = "--ssh-port", hidden = true) int sshPort;
    @Option(names = "--console-port", hidden = true) int consolePort;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BoardOption opt = new BoardOption();
        opt.name = board;
        BoardProfile b = opt.profile();
        if (b.twin() == null) {
            throw KforgeException.badInput(b.name() + " is a real board: kforge board runs twins", "kforge power --board " + b.name() + " on");
        }
        CacheDir cache = CacheDir.fromEnvironment();
        Path dir = TwinBoards.dir(cache, b);
        return switch (action) {
            case "start" -> start(b, cache, dir);
            case "stop" -> stop(b, dir);
            case "status" -> status(b, dir);
            case "serve" -> serve(b, dir);
            default -> throw KforgeException.badInput("board " + action + ": expected start, stop or status", null);
        };
    }

    private int start(BoardProfile b, CacheDir cache, Path dir) throws IOException, InterruptedException {
        TwinState s = TwinState.running(dir);
        if (s != null) {
            if (fresh) throw KforgeException.badInput("--fresh: the twin is running", "kforge board stop " + b.name() + " first");
            spec.commandLine().getErr().println("kforge: " + b.name() + " is running already");
            print(b, s);
            return ExitCode.OK;
        }
        MachineProfile m = ProfileRegistry.builtIn().select(b.twin().machine());
        if (fresh || !Files.isRegularFile(dir.resolve(TwinDisk.FILE))) makeDisk(b, m, cache, dir);
        int ssh = freePort();
        int con = freePort();
        List<String> cmd = new ArrayList<>(List.of("setsid", ProcessHandle.current().info().command().orElse("java"),
                "-cp", ownClassPath(dir), Main.class.getName(), "board", "serve", b.name(),
                "--ssh-port", Integer.toString(ssh), "--console-port", Integer.toString(con)));
        Path log = dir.resolve("standin.log");
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        for (int i = 0; i < 600; i++) {
            s = TwinState.running(dir);
            if (s != null && s.pid() == p.pid()) {
                print(b, s);
                return ExitCode.OK;
            }
            if (!p.isAlive()) break;
            Thread.sleep(100);
        }
        org.kforge.ChildProcess.stop(p, java.time.Duration.ofSeconds(5));
        List<String> tail = Files.readAllLines(log);
        throw new KforgeException(1, "the twin's stand-in did not come up: "
                + (tail.isEmpty() ? "(no output)" : org.kforge.console.ConsoleText.printable(tail.get(tail.size() - 1))), "see " + log);
    }

    private void makeDisk(BoardProfile b, MachineProfile m, CacheDir cache, Path dir) throws IOException, InterruptedException {
        try (StatusLine status = new StatusLine(spec.commandLine().getErr())) {
            DebianAssets kernels = new DebianAssets(cache, m.kernel().debianArch(), status::show);
            KernelPackage k = KernelPackage.in(kernels.tree(m.kernel().name(), true, false), kernels.provenance(m.kernel().name()));
            Path busybox = new DebianAssets(cache, m.kernel().debianArch(), status::show).tree(m.userland().name(), false, false)
                    .resolve("bin/busybox");
            Path rootfs = RootfsImages.builder(cache, status::show).build(RootfsImages.spec(m, null, RootfsImages.DEFAULT_SUITE,
                    List.of(), RootfsImages.DEFAULT_SIZE, cache));
            Files.deleteIfExists(TwinBoards.knownHosts(cache, b));
            for (String log : List.of("standin.log", "console.log", "qemu.log")) Files.deleteIfExists(dir.resolve(log));
            TwinDisk.create(dir, k, busybox, rootfs, b.console().device(), b.root().initramfsModules(), status::show);
        }
        spec.commandLine().getErr().println("kforge: twin disk " + dir.resolve(TwinDisk.FILE) + " (boot partition: vfat, Pi layout; root: Debian bookworm)");
    }

    private int serve(BoardProfile b, Path dir) throws IOException, InterruptedException {
        MachineProfile m = ProfileRegistry.builtIn().select(b.twin().machine());
        Accel accel = Accel.choose(m.arch(), HostFacts.probe(), null);
        TwinStandIn standIn = new TwinStandIn(dir, new TwinQemu(m, accel, sshPort), consolePort, new java.io.PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true));
        standIn.serve(() -> {
            try {
                new TwinState(ProcessHandle.current().pid(), sshPort, standIn.consolePort(), standIn.controlSocket().toString(),
                        dir.resolve(TwinDisk.FILE).toString(), dir.resolve("known_hosts").toString(),
                        dir.resolve("console.log").toString()).write(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Files.deleteIfExists(dir.resolve(TwinState.FILE));
        return ExitCode.OK;
    }

    private int stop(BoardProfile b, Path dir) throws IOException, InterruptedException {
        TwinState s = TwinState.running(dir);
        if (s == null) {
            spec.commandLine().getErr().println("kforge: " + b.name() + " is not running");
            return ExitCode.OK;
        }
        TwinControl.request(Path.of(s.control()), "stop");
        var h = ProcessHandle.of(s.pid());
        for (int i = 0; i < 300 && h.map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(100);
        h.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
        Files.deleteIfExists(dir.resolve(TwinState.FILE));
        spec.commandLine().getErr().println("kforge: " + b.name() + " stopped");
        return ExitCode.OK;
    }

    private int status(BoardProfile b, Path dir) throws IOException {
        TwinState s = TwinState.running(dir);
        if (s == null) {
            spec.commandLine().getOut().println(b.name() + ": not running (kforge board start " + b.name() + ")");
            return ExitCode.OK;
        }
        print(b, s);
        spec.commandLine().getOut().println("  power    " + TwinControl.request(Path.of(s.control()), "status"));
        return ExitCode.OK;
    }

    private void print(BoardProfile b, TwinState s) {
        spec.commandLine().getOut().println(b.name() + " running (stand-in pid " + s.pid() + ")");
        spec.commandLine().getOut().println("  ssh      root@127.0.0.1:" + s.sshPort() + "   kforge ssh --board " + b.name());
        spec.commandLine().getOut().println("  console  tcp 127.0.0.1:" + s.consolePort() + "   kforge console --board " + b.name());
        spec.commandLine().getOut().println("  power    " + s.control() + "   kforge power --board " + b.name() + " on|off|cycle");
        spec.commandLine().getOut().println("  disk     " + s.disk());
    }

    /** The stand-in runs for hours from its own copy of kforge's jar: a rebuild must not change it under it. */
    private static String ownClassPath(Path dir) throws IOException {
        String cp = System.getProperty("java.class.path");
        Path jar = Path.of(cp);
        if (cp.contains(java.io.File.pathSeparator) || !Files.isRegularFile(jar)) return cp;
        Path copy = dir.resolve("kforge.jar");
        Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return copy.toString();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
