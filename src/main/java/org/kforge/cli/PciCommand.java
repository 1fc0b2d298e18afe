package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kforge.InputFile;
import org.kforge.KforgeException;
import org.kforge.TerminalText;
import org.kforge.pci.Bdf;
import org.kforge.pci.BridgeTree;
import org.kforge.pci.Collector;
import org.kforge.pci.ConfigRegister;
import org.kforge.pci.ConfigWrite;
import org.kforge.pci.DeviceReport;
import org.kforge.pci.DeviceTitle;
import org.kforge.pci.IommuGroup;
import org.kforge.pci.LspciDump;
import org.kforge.pci.PciDevice;
import org.kforge.pci.PciIds;
import org.kforge.pci.SnapshotStream;
import org.kforge.pci.SysfsSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pci", mixinStandardHelpOptions = true, description = "PCI devices from sysfs or a snapshot: list, decode, read, write, IOMMU groups.",
        subcommands = {PciCommand.ListDevices.class, PciCommand.Show.class, PciCommand.Read.class, PciCommand.Write.class,
            PciCommand.Iommu.class, PciCommand.Snapshot.class, PciCommand.Dump.class})
final class PciCommand {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    /** A subcommand about one device, given by its address (the first parameter). */
    abstract static class OneDevice implements Callable<Integer> {
        @Mixin PciSource src;
        @Parameters(index = "0", paramLabel = "BDF") String bdf;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per device, like lspci -nn; -t for the bridge tree.")
    static final class ListDevices implements Callable<Integer> {
        @Mixin PciSource src;
        @Option(names = "-t", description = "tree of bridges") boolean tree;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<PciDevice> devices = src.open().devices();
            PciIds ids = src.ids();
            if (Main.json(spec)) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (PciDevice d : devices) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("bdf", d.bdf().toString());
                    m.put("title", DeviceTitle.of(d, ids));
                    m.put("ids", d.ids());
                    m.put("class", String.format("%06x", d.classCode()));
                    m.put("driver", d.driver());
                    m.put("iommu_group", d.iommuGroup());
                    out.add(m);
                }
                spec.commandLine().getOut().println(PciSource.json(out));
            } else if (tree) {
                spec.commandLine().getOut().print(BridgeTree.render(devices, ids));
            } else {
                devices.forEach(d -> spec.commandLine().getOut().println(DeviceTitle.of(d, ids)));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Decoded config space of devices (every device without BDF); several BDFs in one run:",
                    "one that is not there is one line on stderr, the others are shown, and the exit code is 2."})
    static final class Show implements Callable<Integer> {
        @Mixin PciSource src;
        @Parameters(arity = "0..*", paramLabel = "BDF") List<String> bdfs;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            SysfsSnapshot sys = src.open();
            PciIds ids = src.ids();
            List<String> asked = bdfs == null ? List.of() : bdfs;
            EachInput each = new EachInput(spec.commandLine().getErr(), asked.size());
            List<PciDevice> devices = new ArrayList<>();
            if (asked.isEmpty()) devices.addAll(sys.devices());
            for (String b : asked) {
                PciDevice d = each.run(b, () -> sys.device(Bdf.parse(b)));
                if (d != null) devices.add(d);
            }
            if (Main.json(spec)) {
                List<Object> out = new ArrayList<>();
                devices.forEach(d -> out.add(DeviceReport.model(d, ids)));
                spec.commandLine().getOut().println(PciSource.json(asked.size() == 1 ? out.get(0) : out));
            } else {
                for (int i = 0; i < devices.size(); i++) {
                    spec.commandLine().getOut().print((i > 0 ? "\n" : "") + DeviceReport.text(devices.get(i), ids));
                }
            }
            return each.exitCode(ExitCode.OK);
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true, description = "Read a register with setpci's syntax: f6.w, 0x10.l, COMMAND, CAP_EXP+0x10.w.")
    static final class Read extends OneDevice {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "1", paramLabel = "REG") String reg;
        @Option(names = {"-v", "--where"}, description = "say where the register is, as setpci -v") boolean where;

        @Override
        public Integer call() {
            ConfigRegister r = ConfigRegister.parse(reg);
            PciDevice d = src.open().device(Bdf.parse(bdf));
            int addr = r.resolve(d);
            String value = String.format("%0" + 2 * r.width() + "x", d.config().read(addr, r.width()));
            spec.commandLine().getOut().println(where ? String.format("%s @%02x = %s", d.bdf(), addr, value) : value);
            if (d.config().allOnes()) spec.commandLine().getErr().println("kforge: " + DeviceReport.NO_ANSWER);
            return ExitCode.OK;
        }
    }

    @Command(name = "write", mixinStandardHelpOptions = true, description = "Write REG=VALUE[:MASK] (setpci syntax); without --yes only says what it would write.")
    static final class Write extends OneDevice {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "1", paramLabel = "REG=VALUE[:MASK]") String op;
        @Option(names = "--yes", description = "really write") boolean yes;

        @Override
        public Integer call() throws IOException {
            ConfigWrite w = ConfigWrite.parse(op);
            SysfsSnapshot sys = src.open();
            PciDevice d = sys.device(Bdf.parse(bdf));
            int addr = w.register().resolve(d);
            long old = d.config().read(addr, w.register().width());
            long now = w.merged(old);
            String fmt = "%0" + 2 * w.register().width() + "x";
            String what = String.format("%s @%02x: " + fmt + " -> " + fmt + " (%d byte%s)", d.bdf(), addr, old, now, w.register().width(),
                    w.register().width() > 1 ? "s" : "");
            if (!yes || !sys.isLive()) {
                if (yes) throw KforgeException.badInput("cannot write to " + sys.source() + ": only the live /sys can be written", null);
                spec.commandLine().getOut().println("would write " + what);
                spec.commandLine().getOut().println("  nothing written: add --yes to write it");
                return ExitCode.OK;
            }
            w.perform(sys, d, addr, now);
            spec.commandLine().getOut().println("wrote " + what);
            return ExitCode.OK;
        }
    }

    @Command(name = "iommu", mixinStandardHelpOptions = true, description = "IOMMU units and groups with their devices, and what none means.")
    static final class Iommu implements Callable<Integer> {
        @Mixin PciSource src;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            SysfsSnapshot sys = src.open();
            List<String> units = IommuGroup.units(sys);
            List<IommuGroup> groups = IommuGroup.all(sys);
            if (Main.json(spec)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("units", units);
                m.put("groups", groups.stream().map(g -> Map.of("group", g.number(), "type", g.type(),
                        "devices", g.devices().stream().map(Bdf::toString).toList())).toList());
                spec.commandLine().getOut().println(PciSource.json(m));
                return ExitCode.OK;
            }
            PciIds ids = src.ids();
            spec.commandLine().getOut().println(TerminalText.visible("IOMMU units: " + (units.isEmpty() ? "none" : String.join(", ", units))));
            for (IommuGroup g : groups) {
                spec.commandLine().getOut().println(TerminalText.visible("group " + g.number() + " (" + g.type() + ")"));
                for (Bdf b : g.devices()) {
                    spec.commandLine().getOut().println("  " + (sys.exists("/sys/bus/pci/devices/" + b) ? DeviceTitle.of(sys.device(b), ids) : b.toString()));
                }
            }
            if (groups.isEmpty()) {
                spec.commandLine().getOut().println(units.isEmpty()
                        ? "no IOMMU groups: the kernel registered no IOMMU, so no device can be passed through with vfio (see kforge vfio check)"
                        : "no IOMMU groups yet: the IOMMU is there, but devices join a group when a driver probes them");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "snapshot", mixinStandardHelpOptions = true,
            description = {"Write a snapshot of this machine's PCI sysfs (-o DIR), or rebuild one from a console log or collector output (--from FILE).",
                "The collector is a POSIX-sh script (--print-collector) that runs on any target, busybox included."})
    static final class Snapshot implements Callable<Integer> {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "snapshot directory to write") Path out;
        @Option(names = "--from", paramLabel = "FILE", description = "console log or collector output holding 'kfpci' records") Path from;
        @Option(names = "--print-collector", description = "print the collector script and exit") boolean print;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (print) {
                spec.commandLine().getOut().print(Collector.script());
                return ExitCode.OK;
            }
            if (out == null) throw KforgeException.badInput("pci snapshot needs -o DIR", null);
            int n;
            if (from != null) {
                try (java.io.InputStream in = InputFile.open(from, "--from")) {
                    n = SnapshotStream.write(in, out, from.toString());
                }
            } else {
                n = Collector.snapshotHere(out);
            }
            spec.commandLine().getOut().println("snapshot: " + n + " files in " + out + " (" + SysfsSnapshot.open(out).addresses().size() + " devices)");
            return ExitCode.OK;
        }
    }

    @Command(name = "dump", mixinStandardHelpOptions = true, description = "Config space in lspci -xxxx form, for lspci -F FILE.")
    static final class Dump implements Callable<Integer> {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        @Mixin PciSource src;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(LspciDump.of(src.open().devices()));
            return ExitCode.OK;
        }
    }
}
