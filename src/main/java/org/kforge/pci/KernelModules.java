package org.kforge.pci;

import java.util.HashSet;
import java.util.Set;

/** Where a kernel module stands on the target: built in (modules.builtin), loaded (/proc/modules), on disk, or absent. */
public final class KernelModules {
    private final SysfsSnapshot sys;
    private final String release;
    private final Set<String> builtin = new HashSet<>();
    private final Set<String> loaded = new HashSet<>();
    private final boolean builtinKnown;

    public KernelModules(SysfsSnapshot sys) {
        this.sys = sys;
        this.release = sys.text("/proc/sys/kernel/osrelease").orElse("");
        var list = sys.text("/lib/modules/" + release + "/modules.builtin");
        builtinKnown = list.isPresent();
        list.ifPresent(t -> t.lines().forEach(l -> builtin.add(name(l))));
        sys.text("/proc/modules").ifPresent(t -> t.lines().forEach(l -> loaded.add(l.split(" ")[0])));
    }

    private static String name(String path) {
        String f = path.substring(path.lastIndexOf('/') + 1);
        int ko = f.indexOf(".ko");
        return (ko >= 0 ? f.substring(0, ko) : f).replace('-', '_');
    }

    public boolean available(String module) {
        return !status(module).startsWith("not ");
    }

    public String status(String module) {
        if (builtin.contains(module)) return "built in";
        if (loaded.contains(module)) return "loaded";
        if (onDisk(module)) return "module on disk, not loaded (modprobe " + module + ")";
        if (sys.exists("/sys/module/" + module)) return "present (/sys/module/" + module + ")";
        return builtinKnown ? "not built in and no module file under /lib/modules/" + release
                : "not found (not loaded, no module file, and no modules.builtin to tell whether it is built in)";
    }

    private boolean onDisk(String module) {
        String base = "/lib/modules/" + release + "/kernel/drivers/vfio";
        for (String dir : new String[] {base, base + "/pci"}) {
            for (String f : sys.names(dir)) {
                if (f.contains(".ko") && name(f).equals(module)) return true;
            }
        }
        return false;
    }
}
