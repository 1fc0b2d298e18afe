package org.kforge.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.TerminalText;
import org.kforge.pci.Bdf;
import org.kforge.pci.DeviceTitle;
import org.kforge.pci.Finding;
import org.kforge.pci.PciDevice;
import org.kforge.pci.SysfsSnapshot;
import org.kforge.pci.VfioBindPlan;
import org.kforge.pci.VfioCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "vfio", mixinStandardHelpOptions = true, description = "Can a PCI device be passed through with vfio-pci, and how.",
        subcommands = {VfioCommand.Check.class, VfioCommand.Bind.class})
final class VfioCommand {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Command(name = "check", mixinStandardHelpOptions = true, description = "One verdict, ready or not, with every reason in order.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:ready", "1:not ready", "2:bad input"})
    static final class Check implements Callable<Integer> {
        @Mixin PciSource src;
        @Parameters(paramLabel = "BDF") String bdf;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            SysfsSnapshot sys = src.open();
            VfioCheck.Verdict v = VfioCheck.run(sys, Bdf.parse(bdf));
            if (Main.json(spec)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("bdf", v.bdf().toString());
                m.put("ready", v.ready());
                m.put("findings", v.findings().stream().map(f -> Map.of("level", f.level().name().toLowerCase(), "topic", f.topic(),
                        "text", f.text())).toList());
                spec.commandLine().getOut().println(PciSource.json(m));
            } else {
                spec.commandLine().getOut().println(render(sys, v, src));
            }
            return v.ready() ? ExitCode.OK : 1;
        }
    }

    static String render(SysfsSnapshot sys, VfioCheck.Verdict v, PciSource src) {
        StringBuilder s = new StringBuilder((v.ready() ? "READY" : "NOT READY") + ": vfio passthrough of "
                + DeviceTitle.of(sys.device(v.bdf()), src.ids()) + " (" + sys.source() + ")\n");
        for (Finding f : v.findings()) s.append(f.line()).append('\n');
        return TerminalText.visible(s.toString().stripTrailing());
    }

    @Command(name = "bind", mixinStandardHelpOptions = true, description = "Print the sysfs steps that give a device to vfio-pci; --yes performs them.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:bound (or plan printed)", "1:vfio check says not ready", "2:bad input"})
    static final class Bind implements Callable<Integer> {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        @Mixin PciSource src;
        @Parameters(paramLabel = "BDF") String bdf;
        @Option(names = "--yes", description = "perform the steps") boolean yes;

        @Override
        public Integer call() throws IOException {
            SysfsSnapshot sys = src.open();
            PciDevice d = sys.device(Bdf.parse(bdf));
            VfioCheck.Verdict v = VfioCheck.run(sys, d.bdf());
            VfioBindPlan plan = VfioBindPlan.of(d);
            spec.commandLine().getOut().println("steps to bind " + d.bdf() + " to vfio-pci:");
            for (VfioBindPlan.Step st : plan.steps()) spec.commandLine().getOut().println(TerminalText.visible("  " + st.shell() + "    # " + st.why()));
            if (!v.ready()) {
                spec.commandLine().getOut().println(render(sys, v, src));
                spec.commandLine().getOut().println("nothing done: vfio check says not ready");
                return 1;
            }
            if (!yes) {
                spec.commandLine().getOut().println("nothing done: add --yes to perform them");
                return ExitCode.OK;
            }
            if (!sys.isLive()) throw KforgeException.badInput("cannot bind in " + sys.source() + ": only the live /sys can be changed", null);
            plan.perform(sys);
            spec.commandLine().getOut().println("bound " + d.bdf() + " to vfio-pci");
            return ExitCode.OK;
        }
    }
}
