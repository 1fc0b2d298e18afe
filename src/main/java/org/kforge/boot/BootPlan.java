package org.kforge.boot;

import java.nio.file.Path;
import org.kforge.image.InitramfsSpec;
import org.kforge.profile.MachineProfile;
import org.kforge.qemu.Accel;
import org.kforge.qemu.QemuPlan;

/**
 * A boot before it runs: the job it comes from, the QEMU plan, the initramfs to build (null when the user
 * gave one or none), where its files go and how long it may take. {@code --dry-run} prints it.
 */
public record BootPlan(BootJob job, MachineProfile profile, Accel accel, QemuPlan qemu, String cmdline, Path runDir,
                       Path kernel, String kernelProvenance, Path initrd, InitramfsSpec initramfs, Path qmpSocket,
                       Integer gdbPort, Integer sshPort, BootTimeouts timeouts) {

    public String explain() {
        StringBuilder out = new StringBuilder();
        out.append("profile:  ").append(profile.name()).append(" (").append(profile.summary()).append(")\n");
        out.append("accel:    ").append(accel.reason()).append('\n');
        out.append("kernel:   ").append(kernel).append(kernelProvenance == null ? "" : " (" + kernelProvenance + ")").append('\n');
        if (initramfs != null) {
            out.append("initrd:   ").append(initrd).append(" (built by kforge: busybox");
            out.append(initramfs.modules().isEmpty() ? "" : " + " + initramfs.modules().size() + " modules").append(")\n");
        } else {
            out.append("initrd:   ").append(initrd == null ? "none" : initrd).append('\n');
        }
        out.append("run dir:  ").append(runDir).append(" (QEMU runs there: its files are named relative to it)\n\n");
        out.append(qemu.explain());
        return out.toString();
    }
}
