package org.kforge.qemu;

import java.util.ArrayList;
import java.util.List;
import org.kforge.profile.MachineProfile;

/** Turns a profile and its inputs into a {@link QemuPlan}, a reason for every option. */
public final class QemuPlanner {
    private QemuPlanner() {
    }

    public static QemuPlan plan(BootInputs in) {
        MachineProfile p = in.profile();
        MachineProfile.Qemu q = p.qemu();
        String accelKey = in.accel().name();
        List<QemuPlan.Option> o = new ArrayList<>();
        List<String> machineWords = new ArrayList<>(List.of(q.machine()));
        machineWords.addAll(q.machineOptions());
        machineWords.addAll(in.machineOptions());
        String machine = String.join(",", machineWords);
        o.add(opt(in.machineOptions().isEmpty() ? q.machineReason()
                : q.machineReason() + "; " + String.join(",", in.machineOptions()) + " asked for with --machine", "-machine", machine));
        o.add(opt(in.accel().reason(), "-accel", accelKey));
        o.add(opt(q.cpuReason().get(accelKey), "-cpu", q.cpu().get(accelKey)));
        o.add(smp(in));
        o.add(opt("RAM of the twin, in MiB", "-m", Integer.toString(q.memoryMiB())));
        o.add(opt("no window: the console is the serial line", "-display", "none"));
        o.add(opt("the first UART (" + p.console().device() + ", a " + p.console().uart()
                + ") on stdio, where kforge reads it", "-serial", "stdio"));
        o.add(opt("no human monitor; kforge drives QEMU through QMP", "-monitor", "none"));
        o.add(opt("QMP socket: kforge qmp, kforge debug and the board twin's power switch talk to QEMU through it", "-qmp",
                "unix:" + in.qmpSocket() + ",server=on,wait=off"));
        o.add(opt("a reboot ends the run (with panic=-1, a panic ends it at once)", "-no-reboot"));
        if (in.hypervisor() != null) {
            xen(in, o);
        } else {
            o.add(opt("the kernel image, booted directly (no firmware)", "-kernel", in.kernel().toString()));
            if (in.initrd() != null) o.add(opt("the initramfs", "-initrd", in.initrd().toString()));
        }
        if (in.dtb() != null) o.add(opt("the device tree from --dtb, instead of the one QEMU makes", "-dtb", in.dtb().toString()));
        if (in.hypervisor() == null) {
            o.add(opt("kernel command line: console=" + p.console().device() + " is this machine's console"
                    + (p.appendReason() == null ? "" : "; " + p.appendReason()), "-append", in.cmdline()));
        }
        if (in.sshPort() != null || in.disk() != null) {
            net(in, o);
        } else {
            o.add(opt("no NIC: a busybox boot has no use for one (QEMU would otherwise add its default NIC)", "-nic", "none"));
        }
        if (in.disk() != null) {
            if (in.diskSnapshot()) {
                o.add(opt("the cached image, raw; snapshot=on: the guest's writes go to a temporary file, the image stays as built",
                        "-drive", "file=" + in.disk() + ",format=raw,if=none,id=disk0,snapshot=on"));
            } else {
                o.add(opt("the disk image, raw, attached below", "-drive",
                        "file=" + in.disk() + ",format=raw,if=none,id=disk0"));
            }
            o.add(opt("the root disk on this profile's bus: the guest sees " + p.root().device(), "-device",
                    p.root().bus() + ",drive=disk0"));
        }
        if (in.gdbPort() != null) {
            o.add(opt("gdbstub on loopback port " + in.gdbPort() + " (kforge debug, kforge gdb)", "-gdb",
                    "tcp:127.0.0.1:" + in.gdbPort()));
        }
        if (in.holdAtReset()) o.add(opt("CPU held at reset until the debugger continues it (--wait)", "-S"));
        for (String device : in.devices()) o.add(opt("asked for with --device", "-device", device));
        for (String extra : q.extraArgs()) o.add(opt("from the profile", extra));
        return new QemuPlan(q.binary(), o);
    }

    /** The vCPUs: --smp's, else the profile's for this accelerator, with the profile's reason. */
    private static QemuPlan.Option smp(BootInputs in) {
        if (in.smp() != null) return opt("vCPUs asked for with --smp", "-smp", Integer.toString(in.smp()));
        String accel = in.accel().name();
        return opt(in.profile().qemu().smpReason().get(accel), "-smp", Integer.toString(in.profile().qemu().smp().get(accel)));
    }

    /**
     * The NIC, only for a boot with a userland that can use it (a disk, ssh). {@code romfile=} empty: an arm64
     * direct kernel boot never runs the NIC's iPXE option ROM, so QEMU must not need ipxe-qemu's efi-virtio.rom.
     */
    private static void net(BootInputs in, List<QemuPlan.Option> o) {
        MachineProfile p = in.profile();
        if (in.sshPort() == null) {
            o.add(opt("user-mode networking (no root needed on the host)", "-netdev", "user,id=net0"));
        } else {
            o.add(opt("user-mode networking; host port " + in.sshPort() + " on loopback reaches the guest's sshd", "-netdev",
                    "user,id=net0,hostfwd=tcp:127.0.0.1:" + in.sshPort() + "-:22"));
        }
        o.add(opt("the twin's NIC, driver " + String.join(",", p.net().modules())
                + "; no option ROM (a direct kernel boot runs no iPXE)", "-device", p.net().device() + ",netdev=net0,romfile="));
    }

    /** Xen as the boot image with its command line; the kernel and initramfs as its dom0 (guest-loader). */
    private static void xen(BootInputs in, List<QemuPlan.Option> o) {
        MachineProfile.Hypervisor h = in.profile().hypervisor();
        XenPlacement place = XenPlacement.compute((long) in.profile().qemu().memoryMiB() << 20, in.hypervisor(),
                in.kernel(), in.initrd() == null ? -1 : in.initrdBytes());
        o.add(opt(h.name() + ", the boot image: it starts at EL2 and boots dom0", "-kernel", in.hypervisor().toString()));
        o.add(opt(h.name() + "'s own command line (console=dtuart: Xen owns the PL011)", "-append", in.hypervisorCmdline()));
        XenPlacement.Region k = place.find("dom0 kernel");
        // docs/system/guest-loader.rst; QEMU option values double their commas
        o.add(opt(String.format("dom0's kernel at 0x%x (above Xen and QEMU's DTB), console=%s", k.start(),
                in.profile().console().device()), "-device", String.format("guest-loader,addr=0x%x,kernel=%s,bootargs=%s",
                k.start(), in.kernel(), in.cmdline().replace(",", ",,"))));
        XenPlacement.Region i = place.find("dom0 initramfs");
        if (i != null) {
            o.add(opt(String.format("dom0's initramfs at 0x%x, after the kernel", i.start()), "-device",
                    String.format("guest-loader,addr=0x%x,initrd=%s", i.start(), in.initrd())));
        }
    }

    /** QEMU builds the profile's machine, writes the device tree it would give a kernel, and exits. */
    public static QemuPlan dumpDtb(MachineProfile p, List<String> machineOptions, java.nio.file.Path out) {
        MachineProfile.Qemu q = p.qemu();
        List<String> machine = new ArrayList<>(List.of(q.machine()));
        machine.addAll(machineOptions);
        machine.add("dumpdtb=" + out);
        List<QemuPlan.Option> o = new ArrayList<>();
        o.add(opt("the profile's machine; dumpdtb writes its device tree and exits (docs/system/arm/virt.rst)",
                "-machine", String.join(",", machine)));
        o.add(opt("the device tree lists the CPUs: the profile's model", "-cpu", q.cpu().get("tcg")));
        o.add(opt("CPUs of the twin under TCG", "-smp", Integer.toString(q.smp().get("tcg"))));
        o.add(opt("RAM of the twin: the /memory node", "-m", Integer.toString(q.memoryMiB())));
        o.add(opt("no window", "-display", "none"));
        o.add(opt("no NIC: the tree of the machine alone (QEMU would otherwise add its default NIC and its ROM)", "-nic", "none"));
        return new QemuPlan(q.binary(), o);
    }

    private static QemuPlan.Option opt(String reason, String... words) {
        return new QemuPlan.Option(List.of(words), reason);
    }
}
