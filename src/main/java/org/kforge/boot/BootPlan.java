package org.kforge.boot;

import java.nio.file.Path;
import org.kforge.image.InitramfsSpec;
import org.kforge.profile.MachineProfile;
import org.kforge.qemu.Accel;
import org.kforge.qemu.QemuPlan;

/**
 * A boot before it runs: the QEMU plan, the initramfs to build (null when the user gave one or none),
 * and where its files go. {@code --dry-run} prints it.
 */
public record BootPlan(MachineProfile profile, Accel accel, QemuPlan qemu, String cmdline, Path runDir,
                       Path kernel, String kernelProvenance, Path initrd, InitramfsSpec initramfs, Path qmpSocket,
                       Integer gdbPort, Integer sshPort) {

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
        out.append("run dir:  ").append(runDir).append("\n\n");
        out.append(qemu.explain());
        return out.toString();
    }
}
