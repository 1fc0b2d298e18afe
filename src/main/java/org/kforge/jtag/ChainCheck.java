package org.kforge.jtag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.qemu.QemuPlan;

/**
 * {@code kforge jtag check}: starts openocd with the board's files, asks its TCL port for the scan
 * chain, and stops it. When openocd gives up during its own init (a DAP that does not answer) it
 * exits before it answers on TCL: then the chain comes from the lines it logged while scanning.
 */
public final class ChainCheck {
    static final Duration LISTEN = Duration.ofSeconds(10);
    static final Duration ANSWER = Duration.ofSeconds(30);

    private ChainCheck() {
    }

    public static ChainVerdict run(JtagSpec spec, QemuPlan plan, ConfigTxt config, Consumer<String> progress)
            throws InterruptedException {
        OpenOcdPorts.requireFree(spec.ports());
        Path log = tempLog();
        try (OpenOcdProcess openocd = OpenOcdProcess.start(plan, log)) {
            ScanChain table = null;
            try (OpenOcdTcl tcl = openocd.awaitTcl(spec.ports().tcl(), LISTEN)) {
                if (tcl != null) {
                    progress.accept("reading the scan chain over openocd's TCL port " + spec.ports().tcl());
                    tcl.timeout(ANSWER);
                    table = ScanChain.fromTable(tcl.command("scan_chain"));
                }
            } catch (IOException e) {
                // openocd exited during its init (it answers TCL only after it): its log has the scan
            }
            openocd.awaitExit(table == null ? 2000 : 0);
            String output = openocd.output();
            KforgeException problem = AdapterProblem.of(output, spec);
            if (problem != null) throw problem;
            ScanChain logged = ScanChain.fromLog(output);
            if (table == null && logged.taps().isEmpty() && logged.stuck() == ScanChain.Stuck.NONE) {
                throw new KforgeException(openocd.isAlive() ? 1 : 3, "openocd " + (openocd.isAlive() ? "did not answer on TCL within "
                        + ANSWER.toSeconds() + " s" : "exited before it scanned the chain") + ": " + lastError(output),
                        "run the printed openocd command by hand to see all it says");
            }
            return ChainVerdict.judge(spec, table == null ? logged : table.describedBy(logged), output, config);
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans it
            }
        }
    }

    static Path tempLog() {
        try {
            return Files.createTempFile("kforge-openocd-", ".log");
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot write a temporary file: " + e.getMessage(), "check TMPDIR");
        }
    }

    static String lastError(String log) {
        return log.lines().filter(l -> l.startsWith("Error")).reduce((a, b) -> b).orElse("no error printed").strip();
    }
}
