package org.kforge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kforge.TerminalText;
import org.kforge.kconfig.ConfigDiff;
import org.kforge.kconfig.KernelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", description = "Options removed (-), changed and added (+) from A to B, like scripts/diffconfig.")
final class ConfigDiffCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "A", description = ".config, fragment or config.gz") Path a;
    @Parameters(index = "1", paramLabel = "B") Path b;
    @Option(names = "-m", description = "merge style: B's changed and added values as config lines") boolean merge;

    @Override
    public Integer call() {
        ConfigDiff d = ConfigDiff.of(KernelConfig.read(a), KernelConfig.read(b));
        (merge ? d.mergeLines() : d.lines()).forEach(l -> spec.commandLine().getOut().println(TerminalText.visible(l)));
        return ExitCode.OK;
    }
}
