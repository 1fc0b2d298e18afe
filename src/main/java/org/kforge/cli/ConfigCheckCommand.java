package org.kforge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.TerminalText;
import org.kforge.kconfig.BootCheck;
import org.kforge.kconfig.BootOptions;
import org.kforge.kconfig.KernelConfig;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = "The options a profile needs to boot (console, root disk and filesystem, "
        + "devtmpfs, initramfs, network), each ok, module or missing, with the fix. Exit 1 when any is missing.")
final class ConfigCheckCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = ".config, Debian's config-*, or a /proc/config.gz capture")
    Path file;
    @Option(names = "--running", description = "the running kernel's /proc/config.gz") boolean running;
    @Option(names = "--profile", defaultValue = ProfileRegistry.DEFAULT, description = "default: ${DEFAULT-VALUE}")
    String profile;

    @Override
    public Integer call() {
        if (running == (file != null)) throw KforgeException.badInput("give a config FILE or --running, one of them", null);
        if (running) {
            file = Path.of("/proc/config.gz");
            if (!java.nio.file.Files.isReadable(file)) {
                throw KforgeException.badInput("the running kernel has no /proc/config.gz",
                        "modprobe configs, or check a file (CONFIG_IKCONFIG_PROC=y puts it there)");
            }
        }
        MachineProfile p = ProfileRegistry.builtIn().select(profile);
        KernelConfig config = KernelConfig.read(file);
        BootCheck check = BootCheck.of(config, BootOptions.builtIn().forProfile(p), p.root().modules());
        spec.commandLine().getOut().println("config " + file + " against profile " + p.name() + ":");
        check.lines().forEach(l -> spec.commandLine().getOut().println(TerminalText.visible(l.toString())));
        if (!check.modules().isEmpty()) {
            spec.commandLine().getOut().println("modules the initramfs must carry: " + String.join(" ", check.modules()));
        }
        spec.commandLine().getOut().println(check.missing() == 0 ? "verdict: can boot " + p.name()
                : "verdict: " + check.missing() + " option(s) missing to boot " + p.name());
        return check.missing() == 0 ? ExitCode.OK : ExitCode.TARGET_FAILED;
    }
}
