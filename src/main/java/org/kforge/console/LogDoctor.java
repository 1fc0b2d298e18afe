package org.kforge.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline doctor: feeds a saved console log or dmesg capture to the same {@link ConsoleWatcher}
 * a live boot uses, splits it into boots (a firmware banner, or a second kernel banner, starts a
 * new one) and adds what only the end of a log can say: the bootloader handed over and the kernel
 * never spoke; the kernel never started at all; the log ends before the boot was ready.
 * "The kernel never spoke" allows one line: a boot console (earlycon) that prints "Booting Linux on
 * physical CPU" and nothing more means the kernel died before its console came up.
 * A log with kernel output and no failure is boot-ok: a dmesg taken on a running board has no
 * prompt, and a capture cut early shows nothing wrong; when it ends before userspace the title says
 * so. A log with no kernel output at all is bootloader-error (firmware seen), no-console (empty)
 * or incomplete (nothing recognisable).
 */
public final class LogDoctor {
    private static final Set<String> USERSPACE = Set.of("run-init", "ready", "login-prompt", "shell-prompt", "systemd-target");

    private final ConsoleWatcher watcher = new ConsoleWatcher(RuleBook.builtIn(), Map.of());
    private final List<int[]> bootRanges = new ArrayList<>();
    private int segmentStart = 1;
    private boolean kernelInSegment;
    private boolean bannerInSegment;
    private boolean kernelAnywhere;
    private boolean firmwareSeen;
    private boolean userspace;
    private Event handoff;
    private Event dom0Handoff;
    private boolean dom0Spoke;
    private int spokenSinceHandoff;

    private LogDoctor() {
    }

    public static Diagnosis examine(InputStream in, String source) throws IOException {
        LogDoctor d = new LogDoctor();
        ByteLine view = new ByteLine();
        long bytes = LogLines.readRaw(in, (buf, start, end) -> {
            if (d.dom0Handoff != null && !d.dom0Spoke && !view.set(buf, start, end).isBlank(0) && !startsWith(buf, start, end, XEN)) {
                d.dom0Spoke = true;
            }
            int taken = d.watcher.skip(view.set(buf, start, end));
            if (taken == 2) d.kernelSpoke();
            else if (taken == 0) d.accept(new String(buf, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1));
        });
        return d.finish(source, bytes);
    }

    private void kernelSpoke() {
        kernelInSegment = true;
        kernelAnywhere = true;
        spokenSinceHandoff++;
    }

    private void accept(String raw) {
        List<Event> found = watcher.accept(raw, -1);
        int line = watcher.lines();
        boolean kernelLine = watcher.lastTimestamped();
        for (Event e : found) {
            switch (e.id()) {
                case "firmware-banner" -> {
                    if (kernelInSegment || handoff != null) newBoot(line);
                    firmwareSeen = true;
                }
                case "kernel-banner" -> {
                    if (bannerInSegment) newBoot(line);
                    bannerInSegment = true;
                    kernelLine = true;
                }
                case "xen-dom0-start" -> {
                    dom0Handoff = e;
                    dom0Spoke = false;
                }
                case "starting-kernel" -> {
                    handoff = e;
                    spokenSinceHandoff = 0;
                }
                default -> {
                    if (USERSPACE.contains(e.id())) userspace = true;
                }
            }
        }
        if (kernelLine) kernelSpoke();
    }

    private void newBoot(int line) {
        closeSegment(line - 1);
        watcher.newBoot();
        segmentStart = line;
        kernelInSegment = false;
        bannerInSegment = false;
        handoff = null;
    }

    private static final byte[] XEN = "(XEN)".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private static boolean startsWith(byte[] buf, int start, int end, byte[] prefix) {
        if (end - start < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (buf[start + i] != prefix[i]) return false;
        return true;
    }

    private void closeSegment(int lastLine) {
        if (dom0Handoff != null && !dom0Spoke) {
            watcher.note("dom0-silent", dom0Handoff.line(), dom0Handoff.text(), -1, Map.of());
        }
        dom0Handoff = null;
        if (handoff != null && spokenSinceHandoff < 2) {
            watcher.note("silent-after-bootloader", handoff.line(), handoff.text(), -1, Map.of());
        }
        bootRanges.add(new int[] {segmentStart, Math.max(segmentStart, lastLine), kernelInSegment ? 1 : 0});
    }

    private Diagnosis finish(String source, long bytes) {
        boolean quietEnd = !userspace && kernelAnywhere;
        closeSegment(watcher.lines());
        boolean failed = watcher.events().stream().anyMatch(Event::counts);
        if (!failed && !userspace) {
            if (watcher.lastMessage().isEmpty()) watcher.note("empty-log", -1, Map.of());
            else if (!kernelAnywhere && firmwareSeen) watcher.note("no-kernel", -1, Map.of());
            else if (!kernelAnywhere) watcher.note("incomplete", -1, Map.of());
        }
        List<Event> events = watcher.events();
        Verdict verdict = VerdictBuilder.decide(events);
        if (verdict.booted() && quietEnd) {
            verdict = new Verdict(verdict.outcome(), true, null,
                    "no failure found (the log ends before userspace: " + watcher.lastMessage().strip() + ")", "", List.of());
        }
        List<Diagnosis.Boot> boots = new ArrayList<>();
        for (int i = 0; i < bootRanges.size(); i++) {
            int[] r = bootRanges.get(i);
            boolean last = i == bootRanges.size() - 1;
            List<Event> mine = events.stream()
                    .filter(e -> e.line() >= r[0] && e.line() <= r[1] || e.line() == 0 && last).toList();
            Verdict v = VerdictBuilder.decide(mine);
            if (v.booted() && r[2] == 0) {
                v = new Verdict("incomplete", false, null, "no kernel output in this part of the log", "", List.of());
            }
            boots.add(new Diagnosis.Boot(r[0], r[1], v));
        }
        return new Diagnosis(source, bytes, watcher.lines(), events, watcher.dropped(), verdict, boots);
    }
}
