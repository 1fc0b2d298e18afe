package org.kforge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.HostCommand;
import org.kforge.dt.FdtPack;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;
import org.kforge.qemu.QemuPlan;
import org.kforge.qemu.QemuPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kforge dt dump}: the DTB QEMU generates for a profile, to compare the twin with the board. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Write the device tree QEMU gives a kernel on a profile's machine (-machine dumpdtb=).",
                "Compare it with the board's: kforge dt diff twin.dtb bcm2711-rpi-cm4-io.dtb"})
final class DtDumpCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = {"-p", "--profile"}, defaultValue = ProfileRegistry.DEFAULT, description = "machine profile (default ${DEFAULT-VALUE})")
    String profile;
    @Option(names = "--machine", split = ",", description = "extra -machine options, e.g. iommu=smmuv3")
    List<String> machineOptions = List.of();
    @Option(names = {"-o", "--output"}, required = true, description = "the DTB file to write")
    Path output;
    @Option(names = "--dry-run", description = "print the QEMU command and do nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        MachineProfile p = ProfileRegistry.builtIn().select(profile);
        Path out = output.toAbsolutePath();
        if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
            throw KforgeException.badInput("-o " + output + ": no such directory " + out.getParent(), null);
        }
        QemuPlan plan = QemuPlanner.dumpDtb(p, machineOptions, out);
        if (dryRun) {
            spec.commandLine().getOut().print(plan.explain());
            return ExitCode.OK;
        }
        HostCommand.run(plan.argv(), null, "QEMU dumpdtb for " + p.name(), "apt-get install " + p.qemu().packageName());
        try {
            // packed, so that kforge boot --dtb can hand it back to QEMU (see FdtPack)
            Files.write(out, FdtPack.pack(Files.readAllBytes(out), out.toString()));
        } catch (java.io.IOException e) {
            throw KforgeException.badInput("cannot rewrite " + out + ": " + e.getMessage(), null);
        }
        spec.commandLine().getOut().println(p.name() + ": device tree written to " + output);
        return ExitCode.OK;
    }
}
