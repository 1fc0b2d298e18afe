package org.kforge.jtag;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kforge.KforgeException;
import org.kforge.qemu.QemuPlan;

/**
 * {@code kforge jtag attach}: openocd up with the board's files, the chain checked over TCL, and the
 * gdb server of the first core found (OpenOCD: {@code TARGET cget -gdb-port}); then kforge debug,
 * kforge gdb or gdb-multiarch attach to it. The caller owns the returned openocd and stops it.
 */
public final class OpenOcdAttach {
    private static final Pattern LISTENING = Pattern.compile("Listening on port (\\d+) for gdb connections");

    private OpenOcdAttach() {
    }

    /** openocd serving gdb on {@code gdbPort} for {@code cores} (with SMP, gdb threads 1..n are cores 0..n-1). */
    public record Attached(OpenOcdProcess openocd, int gdbPort, List<String> cores) {
    }

    public static Attached start(JtagSpec spec, QemuPlan plan, Path log, Consumer<String> progress) throws InterruptedException {
        OpenOcdPorts.requireFree(spec.ports());
        OpenOcdProcess openocd = OpenOcdProcess.start(plan, log);
        try {
            return attach(spec, openocd, progress);
        } catch (RuntimeException | InterruptedException e) {
            openocd.stop();
            throw e;
        }
    }

    private static Attached attach(JtagSpec spec, OpenOcdProcess openocd, Consumer<String> progress) throws InterruptedException {
        String table;
        List<String> cores;
        String port;
        try (OpenOcdTcl tcl = openocd.awaitTcl(spec.ports().tcl(), ChainCheck.LISTEN)) {
            if (tcl == null) throw failed(spec, openocd);
            progress.accept("reading the scan chain over openocd's TCL port " + spec.ports().tcl());
            tcl.timeout(ChainCheck.ANSWER);
            table = tcl.command("scan_chain");
            cores = Arrays.stream(tcl.command("target names").split("\\s+"))
                    .filter(t -> t.startsWith(spec.chip() + ".cpu")).toList();
            if (cores.isEmpty()) {
                throw new KforgeException(1, "openocd has no " + spec.chip() + ".cpuN core on this chain: nothing to debug",
                        "the board's jtag.target must create the cores (Debian's target/bcm2711.cfg does)");
            }
            port = tcl.command(cores.get(0) + " cget -gdb-port");
        } catch (IOException e) {
            throw failed(spec, openocd);
        }
        ChainVerdict v = ChainVerdict.judge(spec, ScanChain.fromTable(table).describedBy(ScanChain.fromLog(openocd.output())),
                openocd.output(), null);
        if (v.exitCode() != 0) throw new KforgeException(v.exitCode(), v.headline(), v.fix());
        if (!port.matches("\\d+")) {
            throw new KforgeException(1, cores.get(0) + " has no gdb server (gdb port " + port + ")", "remove gdb_port disabled from the board's config");
        }
        int gdbPort = Integer.parseInt(port);
        awaitListening(openocd, gdbPort);
        return new Attached(openocd, gdbPort, cores);
    }

    /** openocd logs its gdb ports once init is done; a TCP probe instead would count as gdb attaching (and halt the cores). */
    private static void awaitListening(OpenOcdProcess openocd, int port) throws InterruptedException {
        long deadline = System.nanoTime() + ChainCheck.LISTEN.toNanos();
        while (System.nanoTime() < deadline && openocd.isAlive()) {
            Matcher m = LISTENING.matcher(openocd.output());
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) == port) return;
            }
            Thread.sleep(50);
        }
        throw new KforgeException(1, "openocd did not open its gdb port " + port + ": " + ChainCheck.lastError(openocd.output()),
                "see " + openocd.log());
    }

    /** openocd stopped answering during its init: the adapter's problem (3), or the chain's verdict (1). */
    private static KforgeException failed(JtagSpec spec, OpenOcdProcess openocd) throws InterruptedException {
        openocd.awaitExit(2000);
        String output = openocd.output();
        KforgeException problem = AdapterProblem.of(output, spec);
        if (problem != null) return problem;
        ChainVerdict v = ChainVerdict.judge(spec, ScanChain.fromLog(output), output, null);
        if (v.exitCode() != 0) return new KforgeException(v.exitCode(), v.headline(), v.fix());
        return new KforgeException(1, "openocd " + (openocd.isAlive() ? "stopped answering" : "exited") + " after the scan: "
                + ChainCheck.lastError(output), "the DAP answered its IDCODE but not its debug port: try a lower speed_khz; see " + openocd.log());
    }
}
