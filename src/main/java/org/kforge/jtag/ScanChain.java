package org.kforge.jtag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What OpenOCD found on the JTAG chain: each TAP's IDCODE as it reported it, from its TCL
 * {@code scan_chain} table or from the lines its chain examination logs (src/jtag/core.c,
 * jtag_examine_chain): a chain that read all ones or all zeroes has no TAP at all.
 */
public record ScanChain(List<Tap> taps, Stuck stuck) {

    /** TDO read the same bit throughout: nothing drives it (ONES: a pull-up; ZEROES: held low). */
    public enum Stuck { NONE, ONES, ZEROES }

    /**
     * One TAP: its name (bcm2711.cpu, or autoN.tap for one nobody declared), the IDCODE it answered,
     * the one its config expects, and OpenOCD's decoding ("mfg: 0x23b (ARM Ltd), part: 0xba00, ver: 0x4").
     */
    public record Tap(String name, long idcode, long expected, String decoded) {
        /** IEEE 1149.1: an IDCODE's bit 0 is 1; a TAP without one shifts out its 1-bit BYPASS (0). */
        public boolean validIdcode() {
            return (idcode & 1) == 1 && idcode != 0xffffffffL;
        }
    }

    private static final Pattern FOUND = Pattern.compile(
            "JTAG tap: (\\S+)\\s+(?:tap/device found|UNEXPECTED): (0x[0-9a-f]{8}) \\((mfg: [^)]*\\)[^)]*)\\)");
    private static final Pattern EXPECTED = Pattern.compile("JTAG tap: (\\S+)\\s+expected \\d+ of \\d+: (0x[0-9a-f]{8})");
    private static final Pattern INVALID = Pattern.compile("TAP (\\S+) does not have valid IDCODE \\(idcode=(0x[0-9a-f]+)\\)");
    private static final Pattern ROW = Pattern.compile(
            "^\\s*\\d+\\s+(\\S+)\\s+[YN]\\s+(0x[0-9a-f]{8})\\s+(0x[0-9a-f]{8})\\s+\\d+\\s+0x[0-9a-f]+\\s+0x[0-9a-f]+\\s*$");

    /** The chain from OpenOCD's log, in chain order (the first TAP is nearest TDO). */
    public static ScanChain fromLog(String log) {
        if (log.contains("interrogation failed: all ones")) return new ScanChain(List.of(), Stuck.ONES);
        if (log.contains("interrogation failed: all zeroes")) return new ScanChain(List.of(), Stuck.ZEROES);
        List<Tap> taps = new ArrayList<>();
        for (String line : log.lines().toList()) {
            Matcher f = FOUND.matcher(line);
            Matcher i = INVALID.matcher(line);
            Matcher e = EXPECTED.matcher(line);
            if (f.find()) {
                taps.add(new Tap(f.group(1), hex(f.group(2)), 0, f.group(3)));
            } else if (i.find()) {
                taps.add(new Tap(i.group(1), hex(i.group(2)), 0, "not an IDCODE: bit 0 is 0"));
            } else if (e.find()) {
                for (int k = 0; k < taps.size(); k++) {
                    Tap t = taps.get(k);
                    if (t.name().equals(e.group(1))) taps.set(k, new Tap(t.name(), t.idcode(), hex(e.group(2)), t.decoded()));
                }
            }
        }
        return new ScanChain(List.copyOf(taps), Stuck.NONE);
    }

    /** The chain from the table OpenOCD's {@code scan_chain} command returns. */
    public static ScanChain fromTable(String table) {
        List<Tap> taps = new ArrayList<>();
        for (String line : table.lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) taps.add(new Tap(m.group(1), hex(m.group(2)), hex(m.group(3)), null));
        }
        return new ScanChain(List.copyOf(taps), Stuck.NONE);
    }

    /** This chain with the decoding and the stuck bits from what openocd logged while it scanned. */
    public ScanChain describedBy(ScanChain logged) {
        List<Tap> out = new ArrayList<>();
        for (Tap t : taps) {
            String decoded = logged.taps().stream().filter(l -> l.name().equals(t.name()) && l.idcode() == t.idcode())
                    .map(Tap::decoded).findFirst().orElse(null);
            out.add(new Tap(t.name(), t.idcode(), t.expected(), decoded));
        }
        return new ScanChain(List.copyOf(out), logged.stuck());
    }

    /** The TAP that answered {@code idcode}, or null. */
    public Tap find(long idcode) {
        return taps.stream().filter(t -> t.idcode() == idcode).findFirst().orElse(null);
    }

    private static long hex(String s) {
        return Long.parseLong(s.substring(2), 16);
    }
}
