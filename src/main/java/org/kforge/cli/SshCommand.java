package org.kforge.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.board.KnownHost;
import org.kforge.board.SshTarget;
import org.kforge.boot.RunRegistry;
import org.kforge.boot.RunSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ssh", mixinStandardHelpOptions = true,
        description = {"A shell, or one command, on a running twin booted with --rootfs (the latest unless --run-dir), or on a --board.",
                "kforge ssh -- uname -a: the command's output and exit status pass through."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"N:the command's (or the shell's) exit status", "2:no running boot with ssh, or a changed host key"})
final class SshCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @picocli.CommandLine.Mixin
    RunDirOption run = new RunDirOption();
    @picocli.CommandLine.Mixin BoardOption board;
    @Parameters(paramLabel = "COMMAND", description = "the command and its words (after --); none: an interactive shell")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        CacheDir cache = CacheDir.fromEnvironment();
        if (board.name != null || board.file != null) return onBoard(cache);
        RunSession s = run.running();
        if (s.sshPort() == null || s.sshKnownHosts() == null) {
            throw KforgeException.badInput("the boot in " + s.runDir() + " has no ssh (it was not booted with --rootfs)",
                    "kforge boot --rootfs debian");
        }
        try (SshTarget t = SshTarget.login("127.0.0.1", s.sshPort(), "root", RootfsImages.key(cache),
                new KnownHost(Path.of(s.sshKnownHosts())), Duration.ofSeconds(10))) {
            OutputStream out = new WriterOutputStream(spec.commandLine().getOut());
            OutputStream err = new WriterOutputStream(spec.commandLine().getErr());
            if (!command.isEmpty()) return t.exec(String.join(" ", command), out, err, null);
            return shell(t, out, err);
        }
    }

    /** On a board (its profile's ssh address, kforge's key, the board's own known-hosts file). */
    private int onBoard(CacheDir cache) throws IOException, InterruptedException {
        if (run.given()) throw KforgeException.badInput("--run-dir names a twin boot; --board a board: give one", null);
        try (SshTarget t = BoardSsh.login(TwinBoards.live(board.profile(), cache), cache)) {
            OutputStream out = new WriterOutputStream(spec.commandLine().getOut());
            OutputStream err = new WriterOutputStream(spec.commandLine().getErr());
            if (!command.isEmpty()) return t.exec(String.join(" ", command), out, err, null);
            return shell(t, out, err);
        }
    }

    /** The local terminal in raw mode while the remote PTY has it, as ssh(1) does; restored after. */
    private static int shell(SshTarget t, OutputStream out, OutputStream err) throws IOException, InterruptedException {
        String term = System.getenv().getOrDefault("TERM", "vt100");
        if (System.console() == null) return t.shell(System.in, out, err, term, 80, 24);
        String saved = stty("-g").strip();
        String[] size = stty("size").strip().split("\\s+");
        int rows = size.length == 2 ? Integer.parseInt(size[0]) : 24;
        int cols = size.length == 2 ? Integer.parseInt(size[1]) : 80;
        stty("raw", "-echo");
        try {
            return t.shell(System.in, out, err, term, cols, rows);
        } finally {
            if (!saved.isEmpty()) stty(saved);
        }
    }

    private static String stty(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
