package org.kforge.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A QEMU twin as data, loaded from {@code profiles/NAME.yaml}. */
public record MachineProfile(
        String name,
        String summary,
        List<String> aliases,
        String arch,
        Qemu qemu,
        Console console,
        Root root,
        Net net,
        DebianPackage kernel,
        DebianPackage userland,
        Hypervisor hypervisor,
        List<String> append,
        String appendReason) {

    public MachineProfile {
        append = append == null ? List.of() : List.copyOf(append);
    }

    /** How QEMU is started for this machine. */
    public record Qemu(String binary, @JsonProperty("package") String packageName, String machine,
                       List<String> machineOptions, String machineReason,
                       Map<String, String> cpu, Map<String, String> cpuReason, int memoryMiB,
                       Map<String, Integer> smp, Map<String, String> smpReason, List<String> extraArgs) {
        public Qemu {
            extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
            machineOptions = machineOptions == null ? List.of() : List.copyOf(machineOptions);
        }
    }

    /** A hypervisor under the kernel (Xen): its Debian package, the image in it, its own command line. */
    public record Hypervisor(String name, @JsonProperty("package") String packageName, String debianArch, String file,
                             List<String> cmdline) {
        public Hypervisor {
            cmdline = cmdline == null ? List.of() : List.copyOf(cmdline);
        }
    }

    /** The kernel console: device name, the UART behind it, and its earlycon spec. */
    public record Console(String device, String uart, String earlycon) {
    }

    /** The root disk: the device the guest sees, the QEMU device behind it, the modules to mount it. */
    public record Root(String device, String bus, List<String> modules) {
    }

    /** The network card and its driver modules. */
    public record Net(String device, List<String> modules) {
    }

    /** A Debian package and the Debian architecture to fetch it for. */
    public record DebianPackage(@JsonProperty("package") String name, String debianArch) {
    }

    public List<String> aliases() {
        return aliases == null ? List.of() : aliases;
    }
}
