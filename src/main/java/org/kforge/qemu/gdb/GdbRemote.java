package org.kforge.qemu.gdb;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GDB remote client for scripts: registers by name, memory, breakpoints, continue and step, on
 * top of {@link RspConnection}. It never sends '?', which would make QEMU drop every breakpoint
 * (gdbstub's handle_target_halt), so a breakpoint set by one command survives for the next.
 */
public final class GdbRemote implements Closeable {
    private final RspConnection rsp;
    private int packetSize = 4096;
    private TargetDescription description;

    private GdbRemote(RspConnection rsp) {
        this.rsp = rsp;
    }

    public static GdbRemote connect(String host, int port, Duration timeout) throws IOException {
        GdbRemote g = new GdbRemote(RspConnection.connect(host, port, timeout));
        String features = g.rsp.request("qSupported:multiprocess-;swbreak+;hwbreak+;xmlRegisters=aarch64");
        for (String f : features.split(";")) {
            if (f.startsWith("PacketSize=")) g.packetSize = Integer.parseInt(f.substring(11), 16);
        }
        if (features.contains("QStartNoAckMode+")) g.rsp.startNoAckMode();
        return g;
    }

    /** The register layout, read once from the stub's target description. */
    public TargetDescription description() throws IOException {
        if (description == null) description = TargetDescription.read(this::annex);
        return description;
    }

    private String annex(String name) throws IOException {
        StringBuilder xml = new StringBuilder();
        while (true) {
            String reply = rsp.request("qXfer:features:read:" + name + ":" + Integer.toHexString(xml.length())
                    + "," + Integer.toHexString(packetSize - 16));
            if (reply.isEmpty() || reply.startsWith("E")) throw new RspException("the stub has no " + name + " (" + reply + ")");
            xml.append(reply, 1, reply.length());
            if (reply.charAt(0) == 'l') return xml.toString();
        }
    }

    /**
     * Points later register and memory packets at one core ('Hg'): gdb thread N+1 is core N, both for
     * QEMU's vCPUs and for OpenOCD's hwthread view of an SMP target.
     */
    public void selectCore(int core) throws IOException {
        // asking for the thread list first makes OpenOCD's hwthread refresh it, as gdb does on connect
        for (String list = rsp.request("qfThreadInfo"); list.startsWith("m"); list = rsp.request("qsThreadInfo")) {
            // the list itself is not needed: thread N+1 is core N
        }
        String reply = rsp.request("Hg" + Integer.toHexString(core + 1));
        if (!"OK".equals(reply)) throw new RspException("the stub has no core " + core + " (it answered '" + reply + "' to Hg)");
    }

    /** The general registers ('g'), by name, as unsigned values (little-endian target). */
    public Map<String, BigInteger> registers() throws IOException {
        String hex = checked(rsp.request("g"));
        Map<String, BigInteger> regs = new LinkedHashMap<>();
        int at = 0;
        for (Register r : description().registers()) {
            int chars = r.bits() / 4;
            if (at + chars > hex.length()) break;
            regs.put(r.name(), littleEndian(hex.substring(at, at + chars)));
            at += chars;
        }
        return regs;
    }

    /** {@code length} bytes of memory at a virtual address of the current CPU. */
    public byte[] readMemory(long address, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        int chunk = Math.max(16, (packetSize - 8) / 2);
        for (int done = 0; done < length; ) {
            int n = Math.min(chunk, length - done);
            String reply = checked(rsp.request("m" + Long.toHexString(address + done) + "," + Integer.toHexString(n)));
            byte[] bytes = HexFormat.of().parseHex(reply);
            if (bytes.length == 0) throw new RspException("no memory at 0x" + Long.toHexString(address + done));
            out.write(bytes, 0, bytes.length);
            done += bytes.length;
        }
        return out.toByteArray();
    }

    /** Inserts a breakpoint: hardware (Z1) where the stub has them, else software (Z0). */
    public void breakAt(long address) throws IOException {
        String reply = rsp.request("Z1," + Long.toHexString(address) + ",4");
        if (reply.isEmpty()) reply = rsp.request("Z0," + Long.toHexString(address) + ",4");
        checked(reply);
    }

    public void clearBreak(long address) throws IOException {
        String reply = rsp.request("z1," + Long.toHexString(address) + ",4");
        if (reply.isEmpty() || reply.startsWith("E")) rsp.request("z0," + Long.toHexString(address) + ",4");
    }

    /**
     * Resumes and waits for the target to stop, at most {@code timeout}; then interrupts it, so a
     * script never leaves the twin running when it asked for a stop. Null {@code timeout}: do not wait.
     */
    public StopReply resume(Duration timeout) throws IOException {
        stepOverBreakpoint();
        rsp.send("c");
        if (timeout == null) return null;
        try {
            return awaitStop(timeout);
        } catch (RspTimeoutException e) {
            StopReply stopped = interrupt(Duration.ofSeconds(5));
            return new StopReply(stopped.raw(), stopped.signal(), false, true);
        }
    }

    public StopReply step(Duration timeout) throws IOException {
        rsp.send("s");
        return awaitStop(timeout);
    }

    /**
     * Resuming on an address that holds a breakpoint would stop there again at once; like gdb, lift
     * it, step one instruction, and put it back. A 'z' that answers OK tells a breakpoint was there.
     */
    private void stepOverBreakpoint() throws IOException {
        String pc = Long.toHexString(registers().get("pc").longValue());
        for (String kind : new String[] {"1", "0"}) {
            if ("OK".equals(rsp.request("z" + kind + "," + pc + ",4"))) {
                step(Duration.ofSeconds(10));
                checked(rsp.request("Z" + kind + "," + pc + ",4"));
                return;
            }
        }
    }

    /** Stops a running target (the Ctrl-C byte) and returns its stop reply. */
    public StopReply interrupt(Duration timeout) throws IOException {
        rsp.interrupt();
        return awaitStop(timeout);
    }

    private StopReply awaitStop(Duration timeout) throws IOException {
        rsp.timeout(timeout);
        try {
            return StopReply.parse(rsp.receive());
        } finally {
            rsp.timeout(Duration.ofSeconds(10));
        }
    }

    private static String checked(String reply) throws RspException {
        if (reply.startsWith("E") && reply.length() == 3) throw new RspException("the stub answered error " + reply);
        return reply;
    }

    static BigInteger littleEndian(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        byte[] big = new byte[b.length + 1];
        for (int i = 0; i < b.length; i++) big[b.length - i] = b[i];
        return new BigInteger(big);
    }

    @Override
    public void close() throws IOException {
        rsp.close();
    }
}
