package org.kforge.qemu;

import java.nio.file.Path;
import java.util.List;
import org.kforge.profile.MachineProfile;

/**
 * Everything a twin's QEMU command line is made from. {@code initrd} and {@code disk} may be null;
 * {@code machineOptions} are added to {@code -machine} (e.g. {@code iommu=smmuv3}), {@code devices}
 * are extra {@code -device} values (e.g. {@code nec-usb-xhci}); {@code gdbPort} (or null) opens the
 * gdbstub on loopback, {@code holdAtReset} keeps the CPU stopped until a debugger continues it;
 * {@code dtb} (or null) replaces the device tree QEMU generates; with a {@code hypervisor} (Xen), QEMU
 * boots it with {@code hypervisorCmdline} and the kernel and initrd become its dom0 (guest-loader);
 * {@code sshPort} (or null) is a loopback host port forwarded to the guest's port 22;
 * {@code diskSnapshot}: QEMU writes the disk's changes to a temporary overlay, never to its file;
 * {@code smp} (or null for the profile's count under this accelerator) is the number of vCPUs.
 */
public record BootInputs(MachineProfile profile, Accel accel, Path kernel, Path initrd, String cmdline,
                         Path disk, Path qmpSocket, List<String> machineOptions, List<String> devices,
                         Integer gdbPort, boolean holdAtReset, Path dtb, Path hypervisor, String hypervisorCmdline,
                         long initrdBytes, Integer sshPort, boolean diskSnapshot, Integer smp) {
    public BootInputs {
        machineOptions = machineOptions == null ? List.of() : List.copyOf(machineOptions);
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
