package org.kforge.jtag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer of {@code kforge jtag check}: the SoC's DAP is on the chain (exit 0), or what answered
 * instead and the fix (exit 1). {@code notes}: what else the log showed (the DAP failing after the scan).
 */
public record ChainVerdict(int exitCode, String headline, List<String> notes, String fix) {

    static final String JTAG_GPIO_FIX = "the board's config.txt needs enable_jtag_gpio=1 (GPIO 22-27 as ARM JTAG; kforge deploy can add it),"
            + " then check the wiring (TCK, TMS, TDI, TDO, GND) and that the board is powered";

    public static ChainVerdict judge(JtagSpec spec, ScanChain chain, String log, ConfigTxt config) {
        List<String> notes = new ArrayList<>();
        String expected = spec.idcodeText() + " (" + spec.chip().toUpperCase(Locale.ROOT) + " DAP)";
        if (config != null && !config.jtagGpio()) {
            notes.add(config.path() + " has no enable_jtag_gpio=1: the SoC's JTAG pins stay plain GPIO");
        }
        ScanChain.Tap dap = chain.find(spec.idcode());
        if (dap != null) {
            String dapError = dapError(log);
            if (dapError != null) {
                notes.add("after the scan, openocd could not use the DAP (" + dapError + "): attach will fail until it answers;"
                        + " try a lower speed_khz");
            }
            return new ChainVerdict(0, "the " + expected + " is on the chain: " + dap.name() + " answered " + spec.idcodeText(), notes, null);
        }
        String configFix = config != null && !config.jtagGpio() ? "add enable_jtag_gpio=1 to " + config.path()
                + " (kforge deploy can add it), reboot the board, and check again" : JTAG_GPIO_FIX;
        if (chain.stuck() != ScanChain.Stuck.NONE) {
            String bits = chain.stuck() == ScanChain.Stuck.ONES ? "all ones (TDO floats high: nothing drives it)"
                    : "all zeroes (TDO held low: an unpowered or unconnected target)";
            return new ChainVerdict(1, "nothing on the JTAG chain: it read " + bits + ", expected " + expected, notes, configFix);
        }
        ScanChain.Tap first = chain.taps().isEmpty() ? null : chain.taps().get(0);
        if (first == null) {
            return new ChainVerdict(1, "nothing on the JTAG chain (openocd found no TAP), expected " + expected, notes, configFix);
        }
        if (!first.validIdcode()) {
            return new ChainVerdict(1, String.format(Locale.ROOT, "%s answered 0x%08x, which is no IDCODE (bit 0 is 0), expected %s",
                    first.name(), first.idcode(), expected), notes, configFix + "; a wrong speed also garbles the chain: try speed_khz 100");
        }
        String who = first.decoded() == null ? "" : " (" + first.decoded() + ")";
        return new ChainVerdict(1, String.format(Locale.ROOT, "another chip answered: 0x%08x%s, expected %s", first.idcode(), who, expected),
                notes, "is the adapter wired to this board? If this chip is right, set jtag.idcode and the matching jtag.target in the board file");
    }

    /** OpenOCD's first complaint about the debug port after the scan (ADIv5: a bad ACK, a sticky error). */
    private static String dapError(String log) {
        return log.lines().filter(l -> l.startsWith("Error: ") && (l.contains("DAP") || l.contains("JTAG-DP") || l.contains("Examination failed")))
                .map(l -> l.substring(7).strip()).findFirst().orElse(null);
    }
}
