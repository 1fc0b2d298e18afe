package org.kforge.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the frames of a crash report and names its culprit: the first frame that is not a panic,
 * dump or report helper. Frame shapes and skip lists follow syzkaller's pkg/report/linux.go
 * (linuxStackParams, linuxRipFrame, linuxStallFrameExtractor, linuxHangTaskFrameExtractor).
 */
final class CallTrace {
    private static final String PC = "\\[<?(?:0x)?[0-9a-f]+>?\\]";
    private static final String FUNC = "([a-zA-Z0-9_]+)(?:\\.|\\+)";
    /** " func+0x1a/0x30", " [<ffff0000>] func+0x1a/0x30" (x86, arm64, riscv...). */
    private static final Pattern FRAME = Pattern.compile("^ *(?:" + PC + " ){0,2}" + FUNC);
    /** "[<c0123456>] (callee+0x10/0x20) from [<c0654321>] (caller+0x30/0x40)" (arm). */
    private static final Pattern ARM_FRAME = Pattern.compile("^ *" + PC + " \\(([a-zA-Z0-9_.]+)\\) from " + PC + " \\(" + FUNC);
    /** Where the CPU was: "RIP: 0010:func+0x..", "pc : func+0x..", "PC is at func+0x..", "IP: func". */
    private static final Pattern RIP = Pattern.compile("(?:IP|NIP|pc |PC is at):? (?:[0-9]+:)?(?:" + PC + " +){0,2}" + FUNC);
    private static final Pattern PC_FUNC = Pattern.compile(PC + " +" + FUNC);
    private static final Pattern AT = Pattern.compile("at: (?:" + PC + " +)?" + FUNC);
    private static final Pattern STACK_START = Pattern.compile(
            "Call (?:T|t)race|Allocated:|Allocated by task [0-9]+:|Freed:|Freed by task [0-9]+:"
                    + "|[^k] backtrace(?: \\(crc [0-9a-f]*\\))?:|Backtrace:|Uninit was stored to memory at");
    /** System call wrappers: the title names the call as sys_NAME, not its wrapper (syzkaller stripFramePrefixes). */
    private static final Pattern SYSCALL_WRAPPER = Pattern.compile(
            "^(compat_)?(?:__x64_|__ia32_|__arm64_|__riscv_)?(?:__se_sys_|__do_sys_|__do_compat_sys_|____sys_|___sys_|__sys_|SYSC_|SyS_|ksys_|sys_)");
    /** Functions that dispatch work: a stall is named after the frame just above them. */
    private static final Pattern STALL_ANCHORS = Pattern.compile("process_one_work|do_syscall_|do_fast_syscall_|sysenter_dispatch"
            + "|tracesys_phase2|el0_svc_handler|invoke_syscall|ret_fast_syscall|netif_receive_skb|do_softirq|call_timer_fn"
            + "|_run_timers|run_timer_softirq|hrtimer_run|run_ksoftirqd|smpboot_thread_fn|^kthread$|start_secondary"
            + "|cpu_startup_entry|ret_from_fork|vfs_write|vfs_read|vfs_iter_read|vfs_iter_write|do_iter_read|do_iter_write"
            + "|call_read_iter|call_write_iter|new_sync_read|new_sync_write|vfs_ioctl|ksys_ioctl|compat_ioctl"
            + "|blkdev_driver_ioctl|blkdev_ioctl|do_iter_readv_writev|^call_mmap|mmap_region|do_mmap|do_dentry_open"
            + "|vfs_open|^sock_sendmsg|^sock_recvmsg|^sock_release|^__sock_release|^setsockopt$|kernel_setsockopt"
            + "|sock_common_setsockopt|^listen$|kernel_listen|sk_common_release|^sock_mmap|^accept$|kernel_accept"
            + "|^sock_do_ioctl|^sock_ioctl|^compat_sock_ioctl|^nfnetlink_rcv_msg|^rtnetlink_rcv_msg|^netlink_dump"
            + "|^(sys_)?(socketpair|connect|ioctl)|__do_fault|do_page_fault|^page_fault$|__fput|task_work_run"
            + "|exit_to_usermode|smp_call_function|tasklet_action|tasklet_hi_action");
    private static final Pattern GENERIC_PROBE = Pattern.compile("^_*(?:really|platform|driver|call_driver|local_pci|pci_device"
            + "|pci_host|i2c_device|spi|usb_probe_interface|usb_probe_device|amba|of_platform|mdio|virtio_dev|hid_device|serdev_drv)_probe$");
    private static final Pattern HUNG_SKIP = Pattern.compile("sched|_lock|_slowlock|down|rwsem|completion|kthread|wait"
            + "|synchronize|context_switch|__switch_to|cancel_delayed_work|rcu_barrier");

    private CallTrace() {
    }

    /**
     * The culprit of a report: {@code header} is the header line's matcher, {@code lines} the
     * messages after it; {@code sources} says where frames come from, in order (rules.yaml).
     */
    static String culprit(Rule rule, Matcher header, List<String> lines, Pattern globalSkip) {
        Rule.Details d = rule.details();
        List<String> frames = new ArrayList<>();
        String where = null; // the function on the pc/RIP line: where the CPU was
        for (String source : d.frames()) {
            // a stall is named from the first stack that has frames (syzkaller's parts, then parts2)
            if ("stall".equals(d.extractor()) && !kept(frames, globalSkip, d).isEmpty()) break;
            if (source.equals("header")) {
                int g = d.headerFunc();
                if (g > 0 && g <= header.groupCount() && header.group(g) != null) frames.add(name(header.group(g)));
            } else if (source.equals("rip")) {
                int n = frames.size();
                addFirst(lines, RIP, frames);
                if (frames.size() > n) where = frames.get(n);
            } else if (source.equals("pc")) {
                addFirst(lines, PC_FUNC, frames);
            } else if (source.equals("at")) {
                for (String l : lines) {
                    Matcher m = AT.matcher(l);
                    if (m.find()) frames.add(m.group(1));
                }
            } else if (source.equals("lines")) {
                stack(lines, 0, frames);
            } else if (source.equals("trace")) {
                int start = stackStart(lines);
                if (start >= 0) stack(lines, start + 1, frames);
            } else if (source.startsWith("after:")) {
                int start = indexOf(lines, Pattern.compile(source.substring(6)), 0);
                if (start >= 0) stack(lines, start + 1, frames);
            }
        }
        List<String> kept = kept(frames, globalSkip, d);
        String chosen;
        if ("stall".equals(d.extractor())) {
            chosen = stall(kept);
        } else if ("hung".equals(d.extractor())) {
            chosen = hung(kept);
        } else {
            chosen = kept.isEmpty() ? null : kept.get(0);
        }
        // every frame was a helper's name, or there was no stack (a KUnit case's "pc : list_test_list_add+0x28"
        // matches the list_add helpers): the function the CPU was in is still better than none
        if (chosen == null && where != null) chosen = where;
        return chosen == null ? null : strip(chosen);
    }

    /** Frame names repeat from report to report: remember which the long global skip list drops. */
    private static final java.util.Map<String, Boolean> SKIPPED = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean skipped(String frame, Pattern globalSkip) {
        if (globalSkip == null) return false;
        Boolean known = SKIPPED.get(frame);
        if (known != null) return known;
        boolean skip = globalSkip.matcher(frame).find();
        if (SKIPPED.size() < 100_000) SKIPPED.put(frame, skip);
        return skip;
    }

    /** Adds the function of the first line that matches {@code p}: where the CPU was. */
    private static void addFirst(List<String> lines, Pattern p, List<String> frames) {
        for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.find()) {
                frames.add(m.group(1));
                return;
            }
        }
    }

    private static List<String> kept(List<String> frames, Pattern globalSkip, Rule.Details d) {
        List<String> kept = new ArrayList<>();
        for (String f : frames) {
            if (skipped(f, globalSkip)) continue;
            if (d.skip() != null && d.skip().matcher(f).find()) continue;
            kept.add(f);
        }
        return kept;
    }

    /** Appends the frames from {@code from} until the next stack starts. */
    private static void stack(List<String> lines, int from, List<String> frames) {
        for (int i = from; i < lines.size(); i++) {
            String l = lines.get(i);
            if (stackStarts(l)) return;
            Matcher arm = ARM_FRAME.matcher(l);
            if (arm.find()) {
                frames.add(name(arm.group(1)));
                frames.add(arm.group(2));
                continue;
            }
            Matcher m = FRAME.matcher(l);
            if (m.find()) frames.add(m.group(1));
        }
    }

    private static boolean stackStarts(String l) {
        return (l.contains("race") || l.contains("llocated") || l.contains("reed") || l.contains("acktrace")
                || l.contains("Uninit")) && STACK_START.matcher(l).find();
    }

    private static int stackStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) if (stackStarts(lines.get(i))) return i;
        return -1;
    }

    private static int indexOf(List<String> lines, Pattern p, int from) {
        for (int i = from; i < lines.size(); i++) if (p.matcher(lines.get(i)).find()) return i;
        return -1;
    }

    private static String stall(List<String> frames) {
        if (frames.isEmpty()) return null;
        String prev = frames.get(0);
        for (String f : frames) {
            if (STALL_ANCHORS.matcher(f).find()) return f.contains("smp_call_function") ? "smp_call_function" : prev;
            prev = f;
        }
        return frames.get(0);
    }

    private static String hung(List<String> frames) {
        for (String f : frames) {
            if (f.contains("rtnl_lock")) return "rtnl_lock";
            if (f.matches(".*synchronize_(rcu|srcu|net|sched).*")) return "synchronize_rcu";
        }
        for (String f : frames) if (!HUNG_SKIP.matcher(f).find()) return f;
        return null;
    }

    /** The driver probe routine on the stack (brcm_pcie_probe), not the driver core's, or null. */
    static String probingDriver(List<String> lines) {
        int start = stackStart(lines);
        if (start < 0) return null;
        List<String> frames = new ArrayList<>();
        stack(lines, start + 1, frames);
        for (String f : frames) {
            if (f.endsWith("_probe") && !GENERIC_PROBE.matcher(f).find()) return f;
        }
        return null;
    }

    /** "tcp_close+0x12/0x30" or "tcp_close.cold.5" -> "tcp_close". */
    static String name(String symbol) {
        int end = 0;
        while (end < symbol.length() && (Character.isLetterOrDigit(symbol.charAt(end)) || symbol.charAt(end) == '_')) end++;
        return symbol.substring(0, end);
    }

    private static String strip(String f) {
        Matcher m = SYSCALL_WRAPPER.matcher(f);
        if (!m.find() || m.end() == f.length()) return f;
        return (m.group(1) == null ? "" : "compat_") + "sys_" + f.substring(m.end());
    }
}
