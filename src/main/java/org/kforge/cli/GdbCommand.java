package org.kforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.boot.RunRegistry;
import org.kforge.boot.RunSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gdb", mixinStandardHelpOptions = true,
        description = "Start gdb-multiarch on a twin booted with --gdb: architecture aarch64, the kernel's symbols, target remote.")
final class GdbCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(arity = "0..1", paramLabel = "RUN", description = "run directory or name (default: the latest boot)")
    String run;
    @Option(names = "--vmlinux", description = "vmlinux with debug info (kforge build trees have one; Debian: the -dbg package)")
    Path vmlinux;
    @Option(names = "--print", description = "print the gdb command line instead of running it")
    boolean print;

    @Override
    public Integer call() throws IOException, InterruptedException {
        RunSession s = new RunRegistry(CacheDir.fromEnvironment()).running(run);
        if (s.gdbPort() == null) throw KforgeException.badInput("that run has no gdbstub", "boot it with kforge boot --gdb");
        if (vmlinux != null && !Files.isRegularFile(vmlinux)) throw KforgeException.badInput("--vmlinux " + vmlinux + ": no such file", null);
        List<String> cmd = new ArrayList<>(List.of("gdb-multiarch", "-q"));
        // "set architecture armv8-a" would make gdb treat the target as 32-bit arm; aarch64 is the 64-bit one
        cmd.addAll(List.of("-ex", "set architecture aarch64"));
        if (vmlinux != null) cmd.addAll(List.of("-ex", "file " + vmlinux.toAbsolutePath()));
        cmd.addAll(List.of("-ex", "target remote 127.0.0.1:" + s.gdbPort()));
        if (print || vmlinux == null) {
            spec.commandLine().getErr().println("kforge: " + (vmlinux == null ? "no vmlinux given: gdb shows addresses only; kforge debug regs"
                    + " names them from " + s.symbols() : "symbols from " + vmlinux));
        }
        if (print) {
            spec.commandLine().getOut().println(String.join(" ", cmd.stream().map(w -> w.contains(" ") ? "'" + w + "'" : w).toList()));
            return ExitCode.OK;
        }
        try {
            return new ProcessBuilder(cmd).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw KforgeException.hostMissing("gdb-multiarch is not installed", "apt-get install gdb-multiarch");
        }
    }
}
