package org.kforge.twin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kforge.qemu.QemuPlan;
import org.kforge.board.PiFirmware;
import org.kforge.qemu.QmpClient;

/**
 * The twin's firmware and power, played by kforge: at every power-on it reads the FAT boot partition with the
 * Pi firmware's rules ({@link PiFirmware}) and starts QEMU with what config.txt (or, once, tryboot.txt) selects.
 * QEMU runs with {@code -action reboot=shutdown}: every guest reboot, and a QMP {@code system_reset}, ends QEMU
 * with a SHUTDOWN event whose reason says which; a reset powers on again through the firmware, a guest poweroff
 * or a QMP {@code quit} leaves the board off. Power requests come as lines on a unix socket (on, off, cycle,
 * status, stop). The tryboot one-shot: on a Pi, {@code reboot "0 tryboot"} passes "0 tryboot" to the firmware
 * driver's reboot notifier; the twin's kernel has no such driver, but kernel/reboot.c prints the command as its
 * last console line ("reboot: Restarting system with command '0 tryboot'"), which the stand-in reads as the flag.
 */
public final class TwinStandIn {
    private static final Pattern RESTART = Pattern.compile("Restarting system with command '([^']*)'");
    private final Path dir;
    private final Path disk;
    private final TwinQemu qemuPlan;
    private final PrintStream log;
    private final ConsoleRelay console;
    private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    private volatile Process qemu;
    private volatile String shutdownReason;
    private volatile String restartCommand;
    private volatile boolean trybootFlag;
    private volatile String lastChoice = "never powered on";
    private int powerOns;

    public TwinStandIn(Path dir, TwinQemu qemuPlan, int consolePort, PrintStream log) throws IOException {
        this.dir = dir;
        this.disk = dir.resolve(TwinDisk.FILE);
        this.qemuPlan = qemuPlan;
        this.log = log;
        OutputStream consoleLog = Files.newOutputStream(dir.resolve("console.log"), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.console = new ConsoleRelay(consolePort, consoleLog, this::consoleLine);
    }

    public int consolePort() {
        return console.port();
    }

    public Path controlSocket() {
        return dir.resolve("power.sock");
    }

    private void consoleLine(String line) {
        Matcher m = RESTART.matcher(line);
        if (m.find()) restartCommand = m.group(1);
    }

    /** Serves until a stop request: powers on first, then follows QEMU's exits and the power requests. */
    public void serve(Runnable ready) throws IOException, InterruptedException {
        Files.deleteIfExists(controlSocket());
        try (ServerSocketChannel control = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            control.bind(UnixDomainSocketAddress.of(controlSocket()));
            Thread t = new Thread(() -> acceptControl(control), "twin-power-control");
            t.setDaemon(true);
            t.start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::kill, "twin-stop-qemu"));
            powerOn("power applied");
            ready.run();
            loop();
        } finally {
            kill();
            console.close();
            Files.deleteIfExists(controlSocket());
        }
    }

    private void loop() throws InterruptedException, IOException {
        while (true) {
            String r = requests.poll(100, TimeUnit.MILLISECONDS);
            Process q = qemu;
            if (r != null) {
                if (r.equals("stop")) return;
                if (r.equals("on") && q == null) powerOn("power on");
                continue;
            }
            if (q != null && !q.isAlive()) {
                qemu = null;
                String reason = awaitReason();
                boolean reset = reason != null && reason.endsWith("reset");
                String cmd = restartCommand;
                if (reset && cmd != null && List.of(cmd.split("\\s+")).contains("tryboot")) trybootFlag = true;
                log.println(Instant.now() + " QEMU ended: " + (reason == null ? "no SHUTDOWN event (killed)" : reason)
                        + (cmd == null ? "" : ", reboot command '" + cmd + "'"));
                if (reset) powerOn(reason.startsWith("guest") ? "guest reboot" : "reset");
                else lastChoice = "off (" + (reason == null ? "QEMU ended" : reason) + ")";
            }
        }
    }

    private String awaitReason() throws InterruptedException {
        for (int i = 0; i < 20 && shutdownReason == null; i++) Thread.sleep(10);
        String r = shutdownReason;
        shutdownReason = null;
        return r;
    }

    /** The firmware's part: read the FAT partition, clear the one-shot flag, start the kernel it selects. */
    private void powerOn(String why) throws IOException, InterruptedException {
        FatPartition fat = TwinDisk.boot(disk);
        boolean tryboot = trybootFlag;
        trybootFlag = false; // cleared before the kernel starts: a crash or a reset returns to config.txt
        restartCommand = null;
        PiFirmware.Choice c = PiFirmware.select(fat::read, name -> fat.read(name) != null, tryboot, "kernel8.img");
        Path fw = Files.createDirectories(dir.resolve("firmware"));
        Path kernel = fw.resolve("kernel");
        Path initrd = fw.resolve("initramfs");
        Files.deleteIfExists(initrd);
        powerOns++;
        if (!fat.copyOut(c.kernel(), kernel)) {
            lastChoice = "off: the firmware found no " + c.kernel() + " (" + c.config() + ")";
            log.println(Instant.now() + " power-on " + powerOns + " (" + why + "): " + lastChoice);
            return;
        }
        boolean haveInitrd = c.initramfs() != null && fat.copyOut(c.initramfs(), initrd);
        lastChoice = c.describe() + ", cmdline '" + c.cmdline() + "'";
        log.println(Instant.now() + " power-on " + powerOns + " (" + why + "): " + lastChoice);
        log.flush();
        QemuPlan plan = qemuPlan.plan(kernel, haveInitrd ? initrd : null, c.cmdline(), disk, dir);
        Files.deleteIfExists(TwinQemu.uartSocket(dir));
        qemu = new ProcessBuilder(plan.argv()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("qemu.log").toFile())).start();
        console.attach(TwinQemu.uartSocket(dir), 10_000);
        watchEvents(TwinQemu.eventSocket(dir));
    }

    /** The stand-in's own QMP monitor: the SHUTDOWN event's reason tells a reset from a power-off. */
    private void watchEvents(Path socket) {
        Thread t = new Thread(() -> {
            QmpClient c = null;
            for (int i = 0; i < 200 && c == null; i++) {
                try {
                    c = QmpClient.connect(socket);
                } catch (IOException notYet) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (c == null) return;
            try (QmpClient q = c) {
                while (true) {
                    JsonNode e = q.nextEvent();
                    if (e.path("event").asText().equals("SHUTDOWN")) shutdownReason = e.path("data").path("reason").asText();
                }
            } catch (IOException ended) {
                // QEMU is gone
            }
        }, "twin-qmp-events");
        t.setDaemon(true);
        t.start();
    }

    private void acceptControl(ServerSocketChannel control) {
        while (control.isOpen()) {
            try (SocketChannel ch = control.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
                String req = in.readLine();
                String answer = answer(req == null ? "" : req.strip());
                ch.write(java.nio.ByteBuffer.wrap((answer + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                if (!control.isOpen()) return;
            }
        }
    }

    /** One power request: QMP system_reset (cycle) and quit (off) for a running board, a firmware run for on. */
    private String answer(String req) {
        Process q = qemu;
        try {
            switch (req) {
                case "status":
                    return (q != null ? "on: " : "") + lastChoice;
                case "on":
                    if (q != null) return "on already";
                    requests.add("on");
                    return "powering on";
                case "off":
                    if (q == null) return "off already";
                    qmp("quit");
                    return "off";
                case "cycle":
                    if (q == null) {
                        requests.add("on");
                        return "was off: powering on";
                    }
                    qmp("system_reset");
                    return "reset";
                case "stop":
                    if (q != null) qmp("quit");
                    requests.add("stop");
                    return "stopping";
                default:
                    return "error: unknown request '" + req + "' (on, off, cycle, status, stop)";
            }
        } catch (IOException e) {
            return "error: " + e.getMessage();
        }
    }

    private void qmp(String command) throws IOException {
        try (QmpClient c = QmpClient.connect(TwinQemu.qmpSocket(dir))) {
            c.execute(command, null);
        } catch (IOException e) {
            if (!command.equals("quit")) throw e; // quit: QEMU may close the socket before it answers
        }
    }

    private void kill() {
        Process q = qemu;
        if (q == null || !q.isAlive()) return;
        try {
            qmp("quit");
            if (!q.waitFor(3, TimeUnit.SECONDS)) q.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            q.destroyForcibly();
        }
    }
}
