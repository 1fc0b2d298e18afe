package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.boot.AssetResolver;
import org.kforge.boot.BootAssets;
import org.kforge.boot.BootJob;
import org.kforge.boot.BootPlan;
import org.kforge.boot.BootPlanner;
import org.kforge.boot.TwinBoot;
import org.kforge.lab.LavaJob;
import org.kforge.lab.LavaJobPlanner;
import org.kforge.profile.BoardProfile;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;
import org.kforge.qemu.HostFacts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "job", mixinStandardHelpOptions = true,
        description = {"The boot of kforge boot as a LAVA job definition (YAML).",
                "The twin is LAVA's qemu device type, a Raspberry Pi 4 / CM4 (--board rpi4, rpi-cm4) bcm2711-rpi-4-b.",
                "The initramfs kforge builds is written into --out (default: a run directory under the cache);",
                "the job names its files by file:// URL."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the job was written", "2:bad usage or bad input", "3:the host lacks something"})
final class LabJobCommand implements Callable<Integer> {
    @CommandLine.Mixin
    BootJobOptions options = new BootJobOptions();
    @CommandLine.Mixin
    BoardOption board = new BoardOption();
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the job to FILE (default: standard output)")
    Path output;
    @Option(names = "--out", paramLabel = "DIR", description = "where the initramfs goes (default: runs/<time>-<profile> under the cache)")
    Path out;

    @Override
    public Integer call() throws IOException {
        BootJob job = options.job().check();
        BoardProfile b = board.name == null && board.file == null ? null : board.profile();
        if (b != null && job.dtb() != null) job = job.toBuilder().dtb(null).build();
        MachineProfile p = ProfileRegistry.builtIn().select(job.profile());
        if (output != null) org.kforge.OutputFile.check(output, "-o", "twin.yaml");
        CacheDir cache = CacheDir.fromEnvironment();
        Consumer<String> progress = msg -> spec.commandLine().getErr().println("kforge: " + msg);
        BootPlanner.checkOut(out);
        BootAssets assets = new AssetResolver(cache, progress, false, false).resolve(p, job);
        Path runDir = out != null ? out : BootPlanner.newRunDir(cache, p);
        BootPlan plan = BootPlanner.plan(p, job, assets, HostFacts.probe(), runDir);
        LavaJob lava = b == null ? LavaJobPlanner.twin(plan) : LavaJobPlanner.board(b, plan, dtb(b, assets, options.dtb));
        if (plan.initramfs() != null) {
            BootPlanner.prepareRunDir(runDir);
            TwinBoot.writeInitramfs(plan);
            progress.accept("initramfs " + plan.initrd() + " (busybox" + (plan.initramfs().modules().isEmpty() ? ""
                    : " + " + plan.initramfs().modules().size() + " modules") + ")");
        }
        if (output == null) {
            spec.commandLine().getOut().print(lava.yaml());
        } else {
            org.kforge.OutputFile.write(output, lava.yaml());
            progress.accept("LAVA job (" + lava.deviceType() + ") written to " + output);
        }
        return ExitCode.OK;
    }

    /** The board's DTB: --dtb, or the one Debian's kernel package ships (usr/lib/linux-image-REL/broadcom/...). */
    private static Path dtb(BoardProfile b, BootAssets assets, Path given) {
        if (given != null) {
            if (!Files.isRegularFile(given)) throw KforgeException.badInput("--dtb " + given + ": no such file", null);
            org.kforge.dt.Fdt.read(given);
            return given;
        }
        if (assets.modulesRoot() != null) {
            Path tree = assets.modulesRoot().getParent().getParent();
            try (Stream<Path> dirs = Files.list(tree.resolve("usr/lib"))) {
                for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith("linux-image-")).sorted().toList()) {
                    for (String name : b.firmware().dtbFrom()) {
                        if (Files.isRegularFile(d.resolve(name))) return d.resolve(name);
                    }
                }
            } catch (IOException e) {
                // no DTB directory in the package: named below
            }
        }
        throw KforgeException.badInput(b.name() + " boots with " + b.firmware().dtb() + ", and this kernel brings none",
                "give --dtb FILE (arch/arm64/boot/dts/broadcom/" + b.firmware().dtb() + " of your build)");
    }
}
