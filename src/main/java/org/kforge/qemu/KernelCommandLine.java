package org.kforge.qemu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kforge.profile.MachineProfile;

/**
 * The kernel command line for a profile: its console, panic=-1 so a panic ends the run, the profile's own
 * words ({@code append}, e.g. cryptomgr.notests), then the user's words. A word of the user's with the same
 * key (console=, panic=, cryptomgr.notests) replaces the profile's (the user asked for it).
 */
public final class KernelCommandLine {
    private KernelCommandLine() {
    }

    public static String build(MachineProfile profile, String userAppend) {
        List<String> user = userAppend == null || userAppend.isBlank()
                ? List.of() : Arrays.asList(userAppend.strip().split("\\s+"));
        List<String> words = new ArrayList<>();
        if (user.stream().noneMatch(w -> w.startsWith("console="))) words.add("console=" + profile.console().device());
        // kernel/panic.c: panic=-1 reboots at once; QEMU's -no-reboot turns that into an exit
        if (user.stream().noneMatch(w -> w.startsWith("panic="))) words.add("panic=-1");
        for (String w : profile.append()) {
            if (user.stream().noneMatch(u -> key(u).equals(key(w)))) words.add(w);
        }
        words.addAll(user);
        return String.join(" ", words);
    }

    private static String key(String word) {
        int eq = word.indexOf('=');
        return eq < 0 ? word : word.substring(0, eq);
    }

    /** The value of {@code key=} on a command line, or null (the last one wins, as in the kernel). */
    public static String value(String cmdline, String key) {
        String found = null;
        for (String w : cmdline.split("\\s+")) {
            if (w.startsWith(key + "=")) found = w.substring(key.length() + 1);
        }
        return found;
    }
}
