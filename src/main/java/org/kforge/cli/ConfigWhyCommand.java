package org.kforge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kforge.TerminalText;
import org.kforge.kconfig.KconfigReader;
import org.kforge.kconfig.KernelConfig;
import org.kforge.kconfig.WhyReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "why", description = "What CONFIG_X depends on (enclosing if/menu blocks included), what selects it, "
        + "what it selects and limits, and what would turn it on.")
final class ConfigWhyCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CONFIG_X") String symbol;
    @Option(names = "--source", required = true, paramLabel = "DIR", description = "the kernel source tree") Path source;
    @Option(names = "--arch", defaultValue = "arm64", description = "SRCARCH (default: ${DEFAULT-VALUE})") String arch;
    @Option(names = "--value", defaultValue = "y", description = "the value wanted (default: ${DEFAULT-VALUE})") String wanted;
    @ArgGroup ConfigFileOption config = new ConfigFileOption();

    @Override
    public Integer call() {
        var tree = KconfigReader.read(source, arch);
        KernelConfig cfg = config.load(source, spec.commandLine().getOut());
        new WhyReport(tree, cfg).explain(symbol, wanted).forEach(l -> spec.commandLine().getOut().println(TerminalText.visible(l)));
        return ExitCode.OK;
    }

    /** Which .config to read: {@code --config FILE}, or {@code -O BUILD_DIR}'s, or the source tree's own. */
    static final class ConfigFileOption {
        @Option(names = "--config", paramLabel = "FILE", description = ".config or config.gz") Path file;
        @Option(names = "-O", paramLabel = "BUILD_DIR", description = "the build directory holding .config") Path buildDir;

        KernelConfig load(Path source, java.io.PrintWriter out) {
            if (file != null) return KernelConfig.read(file);
            Path dotConfig = (buildDir != null ? buildDir : source).resolve(".config");
            if (buildDir != null || Files.exists(dotConfig)) return KernelConfig.read(dotConfig);
            out.println("(no .config in " + source + ": every symbol reads as n)");
            return KernelConfig.parse("(empty)", "");
        }
    }
}
