package org.kforge.jtag;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kforge.KforgeException;

/**
 * A board's {@code jtag:} part: the adapter that drives the pins, OpenOCD's target config for the SoC,
 * the clock, the reset lines, the IDCODE the chip must answer, and the ports OpenOCD serves on.
 */
public record JtagSpec(Adapter adapter, String target, String chip, int cores, boolean smp, int speedKhz,
                       String resetConfig, long idcode, Ports ports) {

    /** BCM2711's debug access port (ARM CoreSight DAP), as target/bcm2711.cfg expects it. */
    public static final long BCM2711_DAP = 0x4ba00477L;

    /** Adapter kinds kforge knows the interface file of; any other needs {@code config:}. */
    public static final Map<String, String> INTERFACES = Map.of(
            "raspberrypi-native", "interface/raspberrypi-native.cfg",
            "sysfsgpio", "interface/sysfsgpio-raspberrypi.cfg");

    private static final Set<String> KINDS = Set.of("raspberrypi-native", "sysfsgpio", "ftdi", "remote_bitbang");

    /**
     * How OpenOCD reaches the pins: an interface config file, or (remote_bitbang) a host and port
     * where a bitbang server listens; {@code commands} follow the interface file (e.g. a Pi 4's GPIO base).
     */
    public record Adapter(String kind, String config, String host, Integer port, List<String> commands) {
        public boolean remoteBitbang() {
            return kind.equals("remote_bitbang");
        }

        /** "ftdi (interface/ftdi/olimex-arm-usb-tiny-h.cfg)" or "remote_bitbang 127.0.0.1:44242". */
        public String describe() {
            return remoteBitbang() ? kind + " " + host + ":" + port : kind + " (" + config + ")";
        }
    }

    /** OpenOCD's servers: gdb (RSP, one port for all cores with SMP), TCL (kforge's), telnet (a human's). */
    public record Ports(int gdb, int tcl, int telnet) {
    }

    /** The spec from a board file's {@code jtag:} map (as the board loader hands it over); bad values exit 2. */
    public static JtagSpec fromMap(Map<String, ?> jtag, String where) {
        if (jtag == null) throw KforgeException.badInput(where + " has no jtag: section", "add one (see boards/rpi4.yaml)");
        Fields f = new Fields(jtag, where + " jtag");
        Fields a = f.map("adapter");
        String kind = a.text("kind", null);
        if (!KINDS.contains(kind)) {
            throw KforgeException.badInput(where + " jtag.adapter.kind " + kind + " is unknown",
                    "use one of " + String.join(", ", KINDS.stream().sorted().toList()));
        }
        String config = a.text("config", INTERFACES.get(kind));
        if (config == null && !kind.equals("remote_bitbang")) {
            throw KforgeException.badInput(where + " jtag.adapter.config is missing for " + kind,
                    "name the probe's interface file, e.g. interface/ftdi/olimex-arm-usb-tiny-h.cfg");
        }
        Adapter adapter = new Adapter(kind, config, a.text("host", kind.equals("remote_bitbang") ? "127.0.0.1" : null),
                kind.equals("remote_bitbang") ? a.number("port", 44242) : null, a.list("commands"));
        Fields p = f.has("ports") ? f.map("ports") : new Fields(Map.of(), where + " jtag.ports");
        return new JtagSpec(adapter, f.text("target", "target/bcm2711.cfg"), f.text("chip", "bcm2711"),
                f.number("cores", 4), f.flag("smp", true), f.number("speed_khz", 1000),
                f.text("reset_config", "trst_only"), f.hex("idcode", BCM2711_DAP),
                new Ports(p.number("gdb", 3333), p.number("tcl", 6666), p.number("telnet", 4444)));
    }

    /** The expected IDCODE as OpenOCD prints it. */
    public String idcodeText() {
        return String.format(Locale.ROOT, "0x%08x", idcode);
    }
}
