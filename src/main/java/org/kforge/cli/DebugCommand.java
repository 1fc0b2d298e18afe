package org.kforge.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.boot.RunRegistry;
import org.kforge.boot.TwinDebugger;
import org.kforge.qemu.gdb.StopReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "debug", mixinStandardHelpOptions = true,
        description = "Script a twin booted with --gdb through its gdbstub (the latest run unless --run-dir).",
        subcommands = {DebugCommand.Regs.class, DebugCommand.Mem.class, DebugCommand.Break.class,
                DebugCommand.Continue.class, DebugCommand.Step.class, DebugCommand.Interrupt.class})
final class DebugCommand {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    /** --run-dir, shared by every debug command. */
    static final class RunOption {
        @Mixin RunDirOption run = new RunDirOption();
        @Option(names = "--core", paramLabel = "N", description = "the CPU core to read and write (default: the one the stub reports, usually 0)")
        Integer core;

        TwinDebugger attach() {
            if (core != null && core < 0) throw KforgeException.badInput("--core " + core + " is negative", "cores count from 0");
            return TwinDebugger.attach(run.running());
        }
    }

    /** What a debug command does once attached. */
    interface Action {
        int run(TwinDebugger d) throws IOException;
    }

    /** Attaches to the run's gdbstub, runs the action, detaches; protocol failures become one line. */
    static int attached(RunOption target, Action action) {
        try (TwinDebugger d = target.attach()) {
            if (target.core != null) d.gdb().selectCore(target.core);
            return action.run(d);
        } catch (IOException e) {
            throw TwinDebugger.failed(e);
        }
    }

    static void printStop(java.io.PrintWriter out, TwinDebugger d, StopReply stop) throws IOException {
        if (stop.exited()) {
            out.println("the target exited (" + stop.raw() + ")");
            return;
        }
        String why = stop.timedOut() ? "interrupted after the timeout" : stop.signal() == 5 ? "breakpoint/step" : "signal " + stop.signal();
        out.println("stopped (" + why + ") at pc " + d.describe(d.registers().get("pc")));
    }

    @Command(name = "regs", description = "Print the registers (x0-x30, sp, pc, cpsr); pc as symbol+offset.")
    static final class Regs implements Callable<Integer> {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        @Mixin RunOption target;
        @Parameters(arity = "0..1", paramLabel = "RUN", description = "run directory or name (as --run-dir)")
        String run;

        @Override
        public Integer call() {
            if (run != null) target.run.dir = run;
            return attached(target, d -> {
                Map<String, BigInteger> regs = d.registers();
                int col = 0;
                for (var e : regs.entrySet()) {
                    if (e.getKey().equals("pc")) continue;
                    spec.commandLine().getOut().printf("%-5s 0x%016x%s", e.getKey(), e.getValue(), ++col % 3 == 0 ? "\n" : "   ");
                }
                if (col % 3 != 0) spec.commandLine().getOut().println();
                spec.commandLine().getOut().println("pc    " + d.describe(regs.get("pc")));
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "mem", description = "Read guest memory at a virtual address (hex dump, or raw with -o).")
    static final class Mem implements Callable<Integer> {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        @Mixin RunOption target;
        @Parameters(index = "0", paramLabel = "ADDR", description = "0x-address or SYMBOL[+OFF]")
        String address;
        @Parameters(index = "1", paramLabel = "LEN", description = "bytes to read")
        int length;
        @Option(names = {"-o", "--output"}, description = "write the bytes to this file")
        Path output;

        @Override
        public Integer call() {
            if (length <= 0 || length > (64 << 20)) throw KforgeException.badInput("LEN must be 1..64 MiB", null);
            return attached(target, d -> {
                long at = d.address(address);
                byte[] bytes = d.gdb().readMemory(at, length);
                if (output != null) {
                    Files.write(output, bytes);
                    spec.commandLine().getOut().println(bytes.length + " bytes from 0x" + Long.toHexString(at) + " written to " + output);
                } else {
                    spec.commandLine().getOut().print(HexDump.of(at, bytes));
                }
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "break", description = "Set a breakpoint at SYMBOL[+OFF] or 0x-address (resolved through the kernel's symbols).")
    static final class Break implements Callable<Integer> {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        @Mixin RunOption target;
        @Parameters(paramLabel = "WHERE")
        String where;

        @Override
        public Integer call() {
            return attached(target, d -> {
                long at = d.address(where);
                d.gdb().breakAt(at);
                spec.commandLine().getOut().println("breakpoint at " + d.describe(new BigInteger(Long.toUnsignedString(at))));
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "continue", description = "Let the twin run; with --until or --timeout, wait for it to stop.")
    static final class Continue implements Callable<Integer> {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        @Mixin RunOption target;
        @Option(names = "--until", paramLabel = "WHERE", description = "stop at this symbol or address (a temporary breakpoint)")
        String until;
        @Option(names = "--timeout", paramLabel = "SECONDS", description = "wait this long for a stop, then interrupt (default 60 with --until)")
        Integer timeout;

        @Override
        public Integer call() {
            return attached(target, d -> {
                Long at = until == null ? null : d.address(until);
                Duration wait = timeout != null ? Duration.ofSeconds(timeout) : until != null ? Duration.ofSeconds(60) : null;
                StopReply stop = d.continueTo(at, wait);
                if (stop == null) {
                    spec.commandLine().getOut().println("running");
                    return ExitCode.OK;
                }
                printStop(spec.commandLine().getOut(), d, stop);
                return stop.timedOut() ? ExitCode.TARGET_FAILED : ExitCode.OK;
            });
        }
    }

    @Command(name = "step", description = "Execute one instruction.")
    static final class Step implements Callable<Integer> {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        @Mixin RunOption target;

        @Override
        public Integer call() {
            return attached(target, d -> {
                printStop(spec.commandLine().getOut(), d, d.gdb().step(Duration.ofSeconds(10)));
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "interrupt", description = "Stop a running twin where it is.")
    static final class Interrupt implements Callable<Integer> {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        @Mixin RunOption target;

        @Override
        public Integer call() {
            return attached(target, d -> {
                // attaching already stops the VM (QEMU's gdbstub pauses it on connect); report where
                spec.commandLine().getOut().println("stopped at pc " + d.describe(d.registers().get("pc")));
                return ExitCode.OK;
            });
        }
    }
}
