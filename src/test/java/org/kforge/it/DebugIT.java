package org.kforge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.asset.SystemMap;

/** gdbstub and QMP on a real twin: a boot held at reset, driven by kforge debug and kforge qmp. */
class DebugIT {
    @TempDir
    Path tmp;
    private Process boot;

    private Path startBoot(String... extra) throws Exception {
        Path run = tmp.resolve("run");
        List<String> cmd = new ArrayList<>(List.of("boot", "-q", "--out", run.toString()));
        cmd.addAll(List.of(extra));
        boot = Kforge.command(cmd.toArray(String[]::new)).redirectErrorStream(true).redirectOutput(tmp.resolve("boot.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(run.resolve("session.json")) && System.nanoTime() < deadline && boot.isAlive()) Thread.sleep(100);
        assertThat(run.resolve("session.json")).as(Files.readString(tmp.resolve("boot.log"))).exists();
        return run;
    }

    @AfterEach
    void stopBoot() throws Exception {
        if (boot != null && boot.isAlive()) {
            boot.destroy();
            boot.waitFor(10, TimeUnit.SECONDS);
        }
        Thread.sleep(300);
        assertThat(Kforge.runningQemus()).as("QEMU left running").isZero();
    }

    @Test
    void heldAtResetThenStopsAtStartKernelThenBoots() throws Exception {
        Path run = startBoot("--gdb", "--wait", "--smp", "2"); // two vCPUs: core 1 is asked for below
        Kforge regs = Kforge.run("debug", "regs", run.toString());
        assertThat(regs.exitCode()).as(regs.toString()).isZero();
        assertThat(regs.out()).contains("pc    0x40000000").contains("x30").contains("cpsr");
        // per core: gdb thread N+1 is vCPU N (the same Hg that OpenOCD's hwthread answers for a board's cores)
        Kforge core1 = Kforge.run("debug", "regs", "--core", "1", run.toString());
        assertThat(core1.exitCode()).as(core1.toString()).isZero();
        assertThat(core1.out()).contains("x30").contains("pc    0x");
        Kforge noCore = Kforge.run("debug", "regs", "--core", "7", run.toString());
        assertThat(noCore.exitCode()).as(noCore.toString()).isEqualTo(1);
        assertThat(noCore.err()).contains("the stub has no core 7");

        JsonNode session = new ObjectMapper().readTree(run.resolve("session.json").toFile());
        long startKernel = SystemMap.read(Path.of(session.get("symbols").asText())).address("start_kernel");
        Kforge brk = Kforge.run("debug", "break", "start_kernel", "--run-dir", run.toString());
        assertThat(brk.out()).contains("<start_kernel>");
        Kforge cont = Kforge.run("debug", "continue", "--timeout", "120", "--run-dir", run.toString());
        assertThat(cont.exitCode()).as(cont.toString()).isZero();
        assertThat(cont.out()).contains("pc 0x" + Long.toHexString(startKernel) + " <start_kernel>");

        Kforge mem = Kforge.run("debug", "mem", "start_kernel", "16", "--run-dir", run.toString());
        assertThat(mem.out()).startsWith(Long.toHexString(startKernel) + ":");

        assertThat(Kforge.run("debug", "continue", "--run-dir", run.toString()).out()).contains("running");
        assertThat(boot.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(boot.exitValue()).as(Files.readString(tmp.resolve("boot.log"))).isZero();
        assertThat(run.resolve("console.log")).content().contains("kforge-init: ready");
    }

    @Test
    void qmpListsTheDevicesTheGuestSees() throws Exception {
        Path run = startBoot("--device", "nec-usb-xhci", "--exec", "sleep 120");
        Kforge pci = Kforge.run("qmp", "--run-dir", run.toString(), "pci");
        assertThat(pci.exitCode()).as(pci.toString()).isZero();
        assertThat(pci.out()).contains("USB controller [0c03]: [1033:0194]")
                .as("a busybox boot carries no NIC").doesNotContain("Ethernet controller");
        assertThat(Kforge.run("qmp", "--run-dir", run.toString(), "stop").out()).contains("stopped");
        assertThat(Kforge.run("qmp", "--run-dir", run.toString(), "status").out().strip()).isEqualTo("paused");
        assertThat(Kforge.run("qmp", "--run-dir", run.toString(), "cont").out()).contains("running");
        Kforge bad = Kforge.run("qmp", "--run-dir", run.toString(), "no-such-command");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("no-such-command").doesNotContain("Exception");
        Kforge.run("qmp", "--run-dir", run.toString(), "quit");
        assertThat(boot.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
