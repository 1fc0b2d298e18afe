package org.kforge.console;

import java.io.IOException;
import java.io.InputStream;

/**
 * The offline doctor: a saved console log or dmesg capture replayed through the {@link BootJudge}
 * a live boot uses, without a clock. A log with kernel output and no failure is boot-ok (a dmesg
 * taken on a running board has no prompt; when it ends before userspace the title says so); a log
 * with no kernel output at all is bootloader-error (firmware seen), no-console (empty) or
 * incomplete (nothing recognisable).
 */
public final class LogDoctor {
    private LogDoctor() {
    }

    public static Diagnosis examine(InputStream in, String source) throws IOException {
        BootJudge judge = BootJudge.replay();
        long bytes;
        synchronized (judge) { // once for the log, not once a line (BootJudge#line on bytes takes no lock of its own)
            bytes = LogLines.readRaw(in, judge::line);
        }
        return judge.end(source, bytes, -1, false);
    }
}
