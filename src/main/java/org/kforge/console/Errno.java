package org.kforge.console;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kernel error numbers as drivers print them ("failed with error -110"): include/uapi/asm-generic/errno-base.h, errno.h. */
public final class Errno {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "EPERM operation not permitted"), Map.entry(2, "ENOENT no such file or directory"),
            Map.entry(5, "EIO I/O error"), Map.entry(8, "ENOEXEC exec format error"), Map.entry(6, "ENXIO no such device or address"),
            Map.entry(12, "ENOMEM out of memory"), Map.entry(13, "EACCES permission denied"),
            Map.entry(14, "EFAULT bad address"), Map.entry(16, "EBUSY device or resource busy"),
            Map.entry(17, "EEXIST already exists"), Map.entry(19, "ENODEV no such device"),
            Map.entry(22, "EINVAL invalid argument"), Map.entry(28, "ENOSPC no space left on device"),
            Map.entry(38, "ENOSYS function not implemented"), Map.entry(61, "ENODATA no data available"),
            Map.entry(71, "EPROTO protocol error"), Map.entry(84, "EILSEQ illegal byte sequence"),
            Map.entry(95, "EOPNOTSUPP operation not supported"), Map.entry(110, "ETIMEDOUT timed out"),
            Map.entry(121, "EREMOTEIO remote I/O error"), Map.entry(517, "EPROBE_DEFER probe deferred"),
            Map.entry(524, "ENOTSUPP operation not supported"));
    // "error -22", "err -110", "ret=-5", ": -17", "(-2)"
    private static final Pattern IN_LINE = Pattern.compile("(?:error|err|ret|returned|status)[ =:]*(-[0-9]{1,3})\\b|[:(] ?(-[0-9]{1,3})\\)?$");

    private Errno() {
    }

    /** "-110 ETIMEDOUT: timed out", or the number alone when unknown (templates put it in brackets). */
    public static String describe(int negative) {
        String n = NAMES.get(Math.abs(negative));
        return negative + (n == null ? "" : " " + n.replaceFirst(" ", ": "));
    }

    /** The error number a line reports, decoded, or null. */
    public static String inLine(String message) {
        if (message.indexOf('-') < 0) return null;
        Matcher m = IN_LINE.matcher(message);
        if (!m.find()) return null;
        return describe(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
    }
}
