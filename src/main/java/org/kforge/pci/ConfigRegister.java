package org.kforge.pci;

import org.kforge.KforgeException;

/**
 * A register in setpci's syntax and with its rules (pciutils setpci.c, parse_op): {@code f6.w},
 * {@code 0x10.l}, {@code COMMAND}, {@code CAP_EXP+0x10.w}, {@code CAP_VNDR+3.b@1}, {@code CAP10}.
 * Numbers are hex with or without 0x; a name carries its width; otherwise the width is required.
 */
public record ConfigRegister(String text, int base, int width, int capId, boolean extended, int nth, int headerTypes) {

    public static ConfigRegister parse(String text) {
        String s = text.strip();
        // split as setpci does: '@' (capability instance) first, then '.' (width), then '+' (offset)
        int nth = 0;
        int at = s.indexOf('@');
        if (at >= 0) {
            nth = hex(s.substring(at + 1), text, "capability number");
            s = s.substring(0, at);
        }
        int dot = s.indexOf('.');
        int width = 0;
        if (dot >= 0) {
            String w = s.substring(dot + 1);
            width = switch (w.toUpperCase()) {
                case "B" -> 1;
                case "W" -> 2;
                case "L" -> 4;
                default -> throw bad(text, "invalid width \"" + w + "\" (b, w or l)");
            };
            s = s.substring(0, dot);
        }
        int offset = 0;
        int plus = s.indexOf('+');
        if (plus >= 0) {
            offset = hex(s.substring(plus + 1), text, "offset");
            s = s.substring(0, plus);
        }
        int base;
        int capId = 0;
        boolean ext = false;
        int types = 0;
        RegisterName r = RegisterName.find(s);
        if (isHex(s)) {
            base = hex(s, text, "register");
        } else if (r != null) {
            base = r.offset();
            capId = r.cap() & 0xffff;
            ext = r.cap() >= 0x20000;
            types = r.headerTypes();
            if (width == 0) width = r.width();
        } else if (s.toUpperCase().startsWith("ECAP") && isHex(s.substring(4))) {
            base = 0;
            capId = hex(s.substring(4), text, "extended capability id");
            ext = true;
        } else if (s.toUpperCase().startsWith("CAP") && isHex(s.substring(3))) {
            base = 0;
            capId = hex(s.substring(3), text, "capability id");
        } else {
            throw bad(text, "unknown register \"" + s + "\" (a hex offset, a name like COMMAND or CAP_EXP, or CAPnn/ECAPnnn)");
        }
        if (width == 0) throw bad(text, "missing width: add .b, .w or .l");
        int addr = base + offset;
        if (addr >= 0x1000 || addr + width > 0x1000) {
            throw bad(text, String.format("register %x is past the end of config space (4096 bytes)", addr));
        }
        if (addr % width != 0) throw bad(text, String.format("unaligned register address %x for width %d", addr, width));
        return new ConfigRegister(text, addr, width, capId, ext, nth, types);
    }

    public boolean relative() {
        return capId != 0 || extended;
    }

    /** The absolute offset in this device's config space, with the device's own rules checked. */
    public int resolve(PciDevice d) {
        ConfigSpace c = d.config();
        String who = d.bdf().toString();
        if (headerTypes != 0 && (c.headerType() > 2 || (1 << c.headerType() & headerTypes) == 0)) {
            throw KforgeException.badInput(who + " has no register " + text + " (header type " + c.headerType() + ")", null);
        }
        int addr = base;
        if (relative()) {
            if (Capability.hiddenByPrivilege(c) || (extended && c.truncated())) {
                throw KforgeException.badInput(who + ": cannot find " + text + ": " + DeviceReport.UNPRIVILEGED, "run as root");
            }
            Capability cap = Capability.find(c, capId, extended, nth);
            if (cap == null) {
                throw KforgeException.badInput(String.format("%s: %s: instance #%d of %s %x not found", who, text, nth,
                        extended ? "extended capability" : "capability", capId), "kforge pci show " + who + " lists its capabilities");
            }
            addr += cap.offset();
        }
        if (addr + width > 0x1000 || addr % width != 0) {
            throw KforgeException.badInput(String.format("%s: %s resolves to %x, outside config space or unaligned", who, text, addr), null);
        }
        if (!c.has(addr, width)) {
            if (c.truncated()) {
                throw KforgeException.badInput(String.format("%s: register %x is beyond the first 64 bytes: %s", who, addr,
                        DeviceReport.UNPRIVILEGED), "run as root");
            }
            throw KforgeException.badInput(String.format("%s: register %x is past the end of its config space (%d bytes)", who, addr,
                    c.readable()), null);
        }
        return addr;
    }

    private static boolean isHex(String s) {
        String t = s.toLowerCase().startsWith("0x") ? s.substring(2) : s;
        return !t.isEmpty() && t.chars().allMatch(ch -> Character.digit(ch, 16) >= 0);
    }

    private static int hex(String s, String text, String what) {
        if (!isHex(s) || s.length() > 10) throw bad(text, "invalid " + what + " \"" + s + "\"");
        long v = Long.parseLong(s.toLowerCase().startsWith("0x") ? s.substring(2) : s, 16);
        if (v > 0xffff) throw bad(text, what + " " + s + " is out of range");
        return (int) v;
    }

    private static KforgeException bad(String text, String why) {
        return KforgeException.badInput("register '" + text + "': " + why, "setpci syntax: f6.w, 0x10.l, COMMAND, CAP_EXP+0x10.w");
    }
}
