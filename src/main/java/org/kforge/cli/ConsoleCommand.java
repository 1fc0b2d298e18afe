package org.kforge.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.board.ConsoleFeed;
import org.kforge.board.ConsoleReader;
import org.kforge.console.ConsoleText;
import org.kforge.console.ConsoleWatcher;
import org.kforge.console.Event;
import org.kforge.console.RuleBook;
import org.kforge.console.VerdictBuilder;
import org.kforge.profile.BoardProfile;
import org.kforge.report.VerdictText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Read a board's live console (serial device, TCP serial server, or a command, as its profile says)",
                "with kforge's boot rules: each milestone and failure is named as it happens; Ctrl-C (or --seconds) ends it",
                "with the verdict. Raw bytes go to the log; the terminal sees them with escape sequences taken out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing failed", "1:a failure was seen, or the console could not be read", "2:bad usage"})
final class ConsoleCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin BoardOption board;
    @Option(names = "--log", paramLabel = "FILE", description = "keep the raw console bytes here (default: a run directory under the cache)")
    Path log;
    @Option(names = "--seconds", description = "stop after this many seconds (default: until Ctrl-C or the console ends)")
    Integer seconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (seconds != null && seconds <= 0) throw KforgeException.badInput("--seconds must be positive", null);
        CacheDir cache = CacheDir.fromEnvironment();
        BoardProfile b = TwinBoards.live(board.profile(), cache);
        Path file = log != null ? log : org.kforge.boot.RunRegistry.newRun(cache, "console-" + b.name()).resolve("console.log");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Map<String, String> facts = new HashMap<>();
        facts.put("console", b.console().device());
        if (b.console().earlycon() != null) facts.put("earlycon", b.console().earlycon());
        if (b.root() != null && b.root().device() != null) facts.put("rootDevice", b.root().device());
        ConsoleWatcher w = new ConsoleWatcher(RuleBook.builtIn(), facts);
        spec.commandLine().getErr().println("kforge: " + b.name() + " console (" + b.console().reader() + "), raw log " + file + "; Ctrl-C ends");
        try (OutputStream raw = Files.newOutputStream(file)) {
            ConsoleFeed feed = new ConsoleFeed(raw, (line, t) -> {
                spec.commandLine().getOut().println(ConsoleText.printable(line));
                for (Event e : w.accept(line, t)) spec.commandLine().getErr().println("kforge: [" + e.id() + "] " + e.title());
            });
            Thread summary = new Thread(() -> spec.commandLine().getErr().print(VerdictText.render(w.events(), VerdictBuilder.decide(w.events()), true)));
            Runtime.getRuntime().addShutdownHook(summary);
            try (ConsoleReader reader = ConsoleReader.open(b.console(), feed)) {
                long end = seconds == null ? Long.MAX_VALUE : System.nanoTime() + seconds * 1_000_000_000L;
                while (!reader.ended() && System.nanoTime() < end) {
                    Thread.sleep(100);
                    feed.flushPartial(300);
                }
            }
            Runtime.getRuntime().removeShutdownHook(summary);
        }
        if (w.events().isEmpty()) spec.commandLine().getErr().println("kforge: no milestone and no failure seen");
        else spec.commandLine().getErr().print(VerdictText.render(w.events(), VerdictBuilder.decide(w.events()), true));
        return w.events().stream().anyMatch(Event::counts) ? ExitCode.TARGET_FAILED : ExitCode.OK;
    }
}
