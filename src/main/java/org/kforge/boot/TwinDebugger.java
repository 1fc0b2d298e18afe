package org.kforge.boot;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.kforge.KforgeException;
import org.kforge.NumberArg;
import org.kforge.asset.SystemMap;
import org.kforge.qemu.gdb.GdbRemote;
import org.kforge.qemu.gdb.RspException;
import org.kforge.qemu.gdb.StopReply;

/** A running twin's gdbstub with the kernel's symbols: what {@code kforge debug} talks to. */
public final class TwinDebugger implements AutoCloseable {
    private final RunSession run;
    private final GdbRemote gdb;
    private SystemMap symbols;

    private TwinDebugger(RunSession run, GdbRemote gdb) {
        this.run = run;
        this.gdb = gdb;
    }

    public static TwinDebugger attach(RunSession run) {
        if (run.gdbPort() == null) {
            throw KforgeException.badInput("the run in " + run.runDir() + " has no gdbstub", "boot it with kforge boot --gdb");
        }
        try {
            return new TwinDebugger(run, GdbRemote.connect("127.0.0.1", run.gdbPort(), Duration.ofSeconds(10)));
        } catch (IOException e) {
            throw new KforgeException(1, "cannot reach the gdbstub on 127.0.0.1:" + run.gdbPort() + ": " + e.getMessage(),
                    "is another debugger attached? QEMU's gdbstub takes one at a time");
        }
    }

    public GdbRemote gdb() {
        return gdb;
    }

    /** The kernel's symbols, or null when the run recorded none. */
    public SystemMap symbols() {
        if (symbols == null && run.symbols() != null) symbols = SystemMap.read(Path.of(run.symbols()));
        return symbols;
    }

    /** An address: 0x-hex, or a symbol with an optional +offset ({@code start_kernel+0x10}). */
    public long address(String spec) {
        String s = spec.strip();
        long offset = 0;
        int plus = s.indexOf('+');
        if (plus > 0) {
            offset = NumberArg.parse("offset in " + spec, s.substring(plus + 1));
            s = s.substring(0, plus);
        }
        if (NumberArg.isHex(s)) return NumberArg.parse("address", s) + offset;
        if (symbols() == null) {
            throw KforgeException.badInput("no symbol table for this run to resolve " + spec, "give a 0x address");
        }
        Long a = symbols().address(s);
        if (a == null) throw KforgeException.badInput("no symbol " + s + " in " + run.symbols(), "check the name (System.map)");
        return a + offset;
    }

    /** "0xADDR (symbol+0xoff)" or just the address. */
    public String describe(BigInteger value) {
        String hex = "0x" + value.toString(16);
        String sym = symbols() == null ? null : symbols().symbolize(value.longValue());
        return sym == null ? hex : hex + " <" + sym + ">";
    }

    public Map<String, BigInteger> registers() throws IOException {
        return gdb.registers();
    }

    /** Continues until {@code until} (a temporary breakpoint) or any stop, at most {@code timeout}. */
    public StopReply continueTo(Long until, Duration timeout) throws IOException {
        if (until != null) gdb.breakAt(until);
        try {
            return gdb.resume(timeout);
        } finally {
            if (until != null && timeout != null) gdb.clearBreak(until);
        }
    }

    @Override
    public void close() {
        try {
            gdb.close();
        } catch (IOException ignored) {
            // the stub is gone; nothing to release
        }
    }

    /** Turns protocol failures into the one-line error of a target that stopped answering. */
    public static KforgeException failed(IOException e) {
        String hint = e instanceof RspException ? "did the twin exit? kforge boot --gdb starts a new one" : null;
        return new KforgeException(1, "gdbstub: " + e.getMessage(), hint);
    }
}
