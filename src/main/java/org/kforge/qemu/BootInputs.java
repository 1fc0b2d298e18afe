package org.kforge.qemu;

import java.nio.file.Path;
import org.kforge.profile.MachineProfile;

/** Everything a twin's QEMU command line is made from. {@code initrd} and {@code disk} may be null. */
public record BootInputs(MachineProfile profile, Accel accel, Path kernel, Path initrd, String cmdline,
                         Path disk, Path qmpSocket) {
}
