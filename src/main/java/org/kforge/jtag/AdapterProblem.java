package org.kforge.jtag;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kforge.KforgeException;

/**
 * Reads why openocd could not drive the adapter (its log's Error lines, OpenOCD 0.12) into the
 * host's lack (exit 3) with the fix; a config file openocd cannot find is the board file's mistake (exit 2).
 */
public final class AdapterProblem {
    private static final Pattern MISSING_FILE = Pattern.compile("Can't find (\\S+)");
    private static final Pattern NO_DRIVER = Pattern.compile("The specified debug interface was not found \\((\\S+)\\)");
    private static final Pattern BUSY_PORT = Pattern.compile("couldn't bind (\\S+) to socket on port (\\d+)");

    private AdapterProblem() {
    }

    /** The failure openocd's log shows before it reached the chain, or null when it reached it. */
    public static KforgeException of(String log, JtagSpec spec) {
        JtagSpec.Adapter a = spec.adapter();
        Matcher m;
        if ((m = MISSING_FILE.matcher(log)).find()) {
            return KforgeException.badInput("openocd cannot find " + m.group(1),
                    "check the board's jtag target/adapter config (Debian's files: /usr/share/openocd/scripts)");
        }
        if ((m = NO_DRIVER.matcher(log)).find()) {
            return KforgeException.hostMissing("this openocd was built without the " + m.group(1) + " adapter driver (Debian's amd64 openocd 0.12 has none)",
                    "run kforge jtag on the Raspberry Pi wired as the adapter with an openocd that has it, or use adapter kind sysfsgpio or ftdi");
        }
        if ((m = BUSY_PORT.matcher(log)).find()) {
            return busyPort(Integer.parseInt(m.group(2)));
        }
        if (a.remoteBitbang() && log.contains("Failed to connect")) {
            return KforgeException.hostMissing("no adapter: nothing listens for remote_bitbang on " + a.host() + ":" + a.port(),
                    "start the remote_bitbang server there, or fix jtag.adapter.host/port in the board file");
        }
        if (log.contains("unable to open ftdi device") || log.contains("Error: no device found")) {
            return KforgeException.hostMissing("no adapter: the FTDI probe of " + a.config() + " is not on USB (or not readable)",
                    "plug the probe in; as a user, install Debian's udev rule (60-openocd.rules, in package openocd) and replug it");
        }
        if (log.contains("Couldn't export gpio") || log.contains("Couldn't unexport gpio")) {
            return KforgeException.hostMissing("no adapter: this host has no Raspberry Pi GPIO in /sys/class/gpio",
                    "run kforge jtag as root on the Raspberry Pi wired as the adapter");
        }
        if (log.contains("/dev/gpiomem") || log.contains("/dev/mem")) {
            return KforgeException.hostMissing("no adapter: openocd cannot map the Pi's GPIO (/dev/gpiomem)",
                    "run kforge jtag as root, or as a user in group gpio, on the Pi wired as the adapter");
        }
        return null;
    }

    /** A server port is taken before openocd starts: usually another openocd. */
    public static KforgeException busyPort(int port) {
        return KforgeException.hostMissing("port " + port + " on 127.0.0.1 is taken (another openocd running?)",
                "stop it, or give the board file other jtag.ports");
    }
}
