package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.build.KernelMake;
import org.kforge.build.Toolchain;
import org.kforge.kconfig.FragmentMerge;
import org.kforge.kconfig.KconfigReader;
import org.kforge.kconfig.KernelConfig;
import org.kforge.kconfig.WhyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "new", description = "A base config (make defconfig/tinyconfig, or a file), fragments and --set merged "
        + "like merge_config.sh, make olddefconfig, then proof that every asked-for option survived "
        + "(exit 1 when one was dropped, with why).")
final class ConfigNewCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--source", required = true, paramLabel = "DIR") Path source;
    @Option(names = "--arch", defaultValue = "arm64", description = "default: ${DEFAULT-VALUE}") String arch;
    @Option(names = "--base", defaultValue = "defconfig", paramLabel = "defconfig|tinyconfig|FILE",
            description = "a make *config target or a config file (default: ${DEFAULT-VALUE})") String base;
    @Option(names = "--fragment", paramLabel = "FILE|NAME", description = "a fragment file, or a name from "
            + "arch/ARCH/configs/ or kernel/configs/ (kvm_guest.config)") List<String> fragments = new ArrayList<>();
    @Option(names = "--set", paramLabel = "CONFIG_X=VALUE") List<String> sets = new ArrayList<>();
    @Option(names = "-O", paramLabel = "BUILD_DIR", description = "build directory (default: the source tree)") Path buildDir;
    @Option(names = "--allow-dropped", description = "exit 0 even when an asked-for option was dropped") boolean allowDropped;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        KernelMake make = KernelMake.of(source, buildDir != null ? buildDir : source, Toolchain.detect(arch, System.getenv()));
        List<KernelConfig> frags = new ArrayList<>();
        for (String f : fragments) frags.add(FragmentMerge.fragment(f, source, arch));
        if (!sets.isEmpty()) frags.add(KernelConfig.parse("--set", String.join("\n", sets.stream()
                .map(s -> s.startsWith("CONFIG_") ? s : "CONFIG_" + s).toList())));
        spec.commandLine().getOut().println("toolchain: " + make.toolchain().reason());
        Path baseFile = Path.of(base);
        if (Files.isRegularFile(baseFile)) {
            KernelConfig.read(baseFile);
            Files.createDirectories(make.buildDir());
            Files.copy(baseFile, make.dotConfig(), StandardCopyOption.REPLACE_EXISTING);
            spec.commandLine().getOut().println("base: " + baseFile);
        } else if (base.endsWith("config")) {
            spec.commandLine().getOut().println("base: " + String.join(" ", make.argv(base)));
            make.config(base);
        } else {
            throw KforgeException.badInput("--base " + base + " is neither a file nor a make *config target",
                    "--base defconfig, --base tinyconfig or --base path/to/.config");
        }
        FragmentMerge merge = new FragmentMerge(KernelConfig.read(make.dotConfig()));
        frags.forEach(merge::add);
        merge.redefinitions().forEach(r -> spec.commandLine().getOut().println("redefined: " + r));
        Files.writeString(make.dotConfig(), merge.text());
        long beforeOld = System.nanoTime();
        make.config("olddefconfig");
        double makeSeconds = (System.nanoTime() - beforeOld) / 1e9;
        int dropped = prove(merge, KernelConfig.read(make.dotConfig()));
        spec.commandLine().getOut().printf("%s: %d asked, %d dropped (%.1f s, olddefconfig %.1f s)%n", make.dotConfig(),
                merge.asked().size(), dropped, (System.nanoTime() - start) / 1e9, makeSeconds);
        return dropped > 0 && !allowDropped ? ExitCode.TARGET_FAILED : ExitCode.OK;
    }

    private int prove(FragmentMerge merge, KernelConfig result) {
        WhyReport why = null;
        int dropped = 0;
        for (Map.Entry<String, String> e : merge.asked().entrySet()) {
            String got = result.value(e.getKey());
            if (FragmentMerge.survived(e.getValue(), got)) {
                spec.commandLine().getOut().println("ok       CONFIG_" + e.getKey() + "=" + e.getValue());
                continue;
            }
            dropped++;
            spec.commandLine().getOut().println("dropped  CONFIG_" + e.getKey() + "=" + e.getValue() + " -> " + (got == null ? "n (absent)" : got)
                    + "   (asked by " + merge.askedBy(e.getKey()) + ")");
            if (why == null) why = new WhyReport(KconfigReader.read(source, arch), result);
            if (why.exists(e.getKey())) why.dropped(e.getKey(), e.getValue()).forEach(l -> spec.commandLine().getOut().println("         " + l));
            else spec.commandLine().getOut().println("         no symbol " + e.getKey() + " in this tree's Kconfig for " + arch);
        }
        return dropped;
    }
}
