package org.kforge.jtag;

import java.util.ArrayList;
import java.util.List;
import org.kforge.qemu.QemuPlan;

/**
 * Turns a board's {@link JtagSpec} into Debian's openocd 0.12 command line, a reason for every option
 * (a {@link QemuPlan}: a command as a value, whatever the binary). Order matters: OpenOCD runs its
 * {@code -f}/{@code -c} arguments in turn, so what the target file sets is overridden after it.
 */
public final class OpenOcdPlanner {
    public static final String BINARY = "openocd";
    public static final String PACKAGE = "openocd";
    /** The BCM2711 file Debian's openocd 0.12 ships under /usr/share/openocd/scripts. */
    public static final String SHIPPED_TARGET = "target/bcm2711.cfg";

    private OpenOcdPlanner() {
    }

    public static QemuPlan plan(JtagSpec s) {
        List<QemuPlan.Option> o = new ArrayList<>();
        o.add(c("servers on the loopback only: the gdb server lets anyone who reaches it read the board's memory",
                "bindto 127.0.0.1"));
        o.add(c("gdb server (RSP): kforge debug and gdb-multiarch attach here", "gdb_port " + s.ports().gdb()));
        o.add(c("TCL server: kforge reads the scan chain here (commands end with byte 0x1a)", "tcl_port " + s.ports().tcl()));
        o.add(c("telnet server, for a human's OpenOCD commands", "telnet_port " + s.ports().telnet()));
        adapter(s.adapter(), o);
        o.add(c("JTAG, not SWD: the Pi's GPIO 22-27 (ALT4, enable_jtag_gpio=1) carry TRST, RTCK, TDO, TCK, TDI, TMS",
                "transport select jtag"));
        o.add(c(s.cores() + " Cortex-A72 cores to create (target/bcm2711.cfg reads CHIPCORES)", "set CHIPCORES " + s.cores()));
        if (s.smp()) {
            o.add(c("one gdb port for all cores (target smp); without it each core takes a port of its own",
                    "set USE_SMP 1"));
        }
        if (s.idcode() != JtagSpec.BCM2711_DAP) {
            o.add(c("the IDCODE this board's DAP answers (the target file expects " + String.format("0x%08x", JtagSpec.BCM2711_DAP) + ")",
                    "set DAP_TAPID " + s.idcodeText()));
        }
        o.add(f("the SoC: the " + s.chip() + " DAP's TAP (expected IDCODE " + s.idcodeText() + ", IR 4 bits), its MEM-AP,"
                + " CTIs and aarch64 cores " + s.chip() + ".cpu0-" + (s.cores() - 1), s.target()));
        if (s.target().equals(SHIPPED_TARGET)) {
            o.add(c("the MEM-AP target " + s.chip() + ".ap is created first and would take gdb port " + s.ports().gdb()
                    + "; the cores get it instead", s.chip() + ".ap configure -gdb-port disabled"));
            for (int core = 0; s.smp() && core < s.cores(); core++) {
                o.add(c("core " + core + " is gdb thread " + (core + 1) + " (hwthread: OpenOCD's one-thread-per-core view of an SMP target)",
                        s.chip() + ".cpu" + core + " configure -rtos hwthread"));
            }
        }
        o.add(c("TCK in kHz, after the target file, which sets 4000 itself; slow enough for jumper wires",
                "adapter speed " + s.speedKhz()));
        o.add(c(resetReason(s.resetConfig()), "reset_config " + s.resetConfig()));
        return new QemuPlan(BINARY, o);
    }

    private static void adapter(JtagSpec.Adapter a, List<QemuPlan.Option> o) {
        if (a.remoteBitbang()) {
            o.add(c("adapter: a remote_bitbang server drives the pins (a bitbang host, or a test's fake chip)",
                    "adapter driver remote_bitbang"));
            o.add(c("where the bitbang server listens", "remote_bitbang host " + a.host()));
            o.add(c("its TCP port", "remote_bitbang port " + a.port()));
        } else {
            o.add(f(switch (a.kind()) {
                case "raspberrypi-native" -> "adapter: the GPIO header of the Raspberry Pi this runs on (bcm2835gpio, memory-mapped)";
                case "sysfsgpio" -> "adapter: the GPIO header of the Raspberry Pi this runs on, through /sys/class/gpio (slow, needs no /dev/mem)";
                default -> "adapter: the FTDI probe's interface file (its USB ids and pin layout)";
            }, a.config()));
        }
        for (String cmd : a.commands()) o.add(c("adapter setting from the board file", cmd));
    }

    private static String resetReason(String reset) {
        return switch (reset) {
            case "trst_only" -> "the Pi's JTAG header has TRST (GPIO 22) and no system reset line (as board/rpi4b.cfg)";
            case "none" -> "no reset lines wired: reset through the debug logic only";
            default -> "reset lines as the board file says";
        };
    }

    private static QemuPlan.Option c(String reason, String command) {
        return new QemuPlan.Option(List.of("-c", command), reason);
    }

    private static QemuPlan.Option f(String reason, String file) {
        return new QemuPlan.Option(List.of("-f", file), reason);
    }
}
