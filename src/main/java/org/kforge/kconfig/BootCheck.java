package org.kforge.kconfig;

import java.util.ArrayList;
import java.util.List;

/** A config checked against a profile's {@link BootOption}s: each ok, module (the initramfs must carry it) or missing. */
public record BootCheck(List<Line> lines) {

    public enum Status { OK, MODULE, MISSING }

    /** One verdict with the fix when there is one. */
    public record Line(BootOption option, String value, Status status, String fix) {
        @Override
        public String toString() {
            String head = String.format("%-8s CONFIG_%s=%s", status.name().toLowerCase(), option.option(), value);
            return String.format("%-52s %s", head, option.why()) + (fix == null ? "" : "\n         fix: " + fix);
        }
    }

    /** {@code rootModules}: the modules kforge boot's initramfs carries for the profile's root disk. */
    public static BootCheck of(KernelConfig config, List<BootOption> options, List<String> rootModules) {
        List<Line> out = new ArrayList<>();
        for (BootOption o : options) {
            String v = config.valueOrN(o.option());
            Status s;
            String fix = null;
            if (v.equals("y")) {
                s = Status.OK;
            } else if (v.equals("m") && o.module() != null) {
                s = Status.MODULE;
                fix = o.module() + ".ko must be in the initramfs ("
                        + (rootModules.contains(o.module()) ? "kforge boot puts the profile's root modules there"
                        : "kforge boot --module " + o.module()) + "), or set CONFIG_" + o.option() + "=y";
            } else {
                s = Status.MISSING;
                fix = "CONFIG_" + o.option() + "=y" + (v.equals("m") ? " (a module cannot serve here: it is needed before any module loads)" : "");
            }
            out.add(new Line(o, v, s, fix));
        }
        return new BootCheck(out);
    }

    public long missing() {
        return lines.stream().filter(l -> l.status() == Status.MISSING).count();
    }

    public List<String> modules() {
        return lines.stream().filter(l -> l.status() == Status.MODULE).map(l -> l.option().module()).toList();
    }
}
