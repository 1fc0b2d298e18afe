package org.kforge.twin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kforge.profile.MachineProfile;
import org.kforge.qemu.Accel;
import org.kforge.qemu.BootInputs;
import org.kforge.qemu.QemuPlan;
import org.kforge.qemu.QemuPlanner;

/**
 * The QEMU command line of one power-on of the twin: the machine profile's plan for the kernel the firmware
 * chose and the twin's disk, with the console on a socket the stand-in relays (as a lab's ser2net), a reboot
 * handed back to the stand-in (-action reboot=shutdown) and a second QMP monitor for its events.
 */
public record TwinQemu(MachineProfile machine, Accel accel, int sshPort) {

    public static Path uartSocket(Path dir) {
        return dir.resolve("uart.sock");
    }

    public static Path qmpSocket(Path dir) {
        return dir.resolve("qmp.sock");
    }

    public static Path eventSocket(Path dir) {
        return dir.resolve("events.sock");
    }

    public QemuPlan plan(Path kernel, Path initrd, String cmdline, Path disk, Path dir) {
        BootInputs in = new BootInputs(machine, accel, kernel, initrd, cmdline, disk, qmpSocket(dir), List.of(), List.of(),
                null, false, null, null, null, initrd == null ? -1 : initrd.toFile().length(), sshPort, false, null);
        QemuPlan base = QemuPlanner.plan(in);
        List<QemuPlan.Option> o = new ArrayList<>();
        for (QemuPlan.Option opt : base.options()) {
            String first = opt.words().get(0);
            if (first.equals("-serial")) {
                o.add(new QemuPlan.Option(List.of("-chardev", "socket,id=uart0,path=" + uartSocket(dir) + ",server=on,wait=on"),
                        "the UART on a socket the stand-in relays to the board's console port; QEMU waits for it, no byte is lost"));
                o.add(new QemuPlan.Option(List.of("-serial", "chardev:uart0"), "the first UART (" + machine.console().device() + ")"));
            } else if (first.equals("-no-reboot")) {
                o.add(new QemuPlan.Option(List.of("-action", "reboot=shutdown"),
                        "a guest reboot (and QMP system_reset) ends QEMU: the firmware stand-in boots the board again"));
            } else {
                o.add(opt);
            }
        }
        o.add(new QemuPlan.Option(List.of("-qmp", "unix:" + eventSocket(dir) + ",server=on,wait=off"),
                "the stand-in's own QMP monitor: SHUTDOWN events say reset or power-off"));
        return new QemuPlan(base.binary(), o);
    }
}
