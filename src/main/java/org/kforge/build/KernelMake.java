package org.kforge.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kforge.KforgeException;
import org.kforge.asset.HostCommand;

/**
 * A make invocation in a kernel tree as a value: printable, then run ({@code make O=... ARCH=... target}); {@code variables}
 * are more make variables given on its command line ({@code CC=ccache ...}, {@code KBUILD_BUILD_TIMESTAMP=...}).
 */
public record KernelMake(Path source, Path buildDir, Toolchain toolchain, List<String> variables) {
    public KernelMake {
        variables = List.copyOf(variables);
    }

    public KernelMake(Path source, Path buildDir, Toolchain toolchain) {
        this(source, buildDir, toolchain, List.of());
    }

    /** The same make with more variables on its command line. */
    public KernelMake with(List<String> more) {
        List<String> all = new ArrayList<>(variables);
        all.addAll(more);
        return new KernelMake(source, buildDir, toolchain, all);
    }

    /** Checks that {@code source} is a kernel tree before anything runs. */
    public static KernelMake of(Path source, Path buildDir, Toolchain toolchain) {
        if (!Files.isRegularFile(source.resolve("Makefile")) || !Files.isRegularFile(source.resolve("Kconfig"))
                || !Files.isDirectory(source.resolve("arch/" + toolchain.arch()))) {
            throw KforgeException.badInput(source + " is not a Linux source tree (no Makefile, Kconfig or arch/"
                    + toolchain.arch() + ")", "give --source the top of a kernel tree");
        }
        return new KernelMake(source.toAbsolutePath(), buildDir.toAbsolutePath(), toolchain);
    }

    public List<String> argv(String... targets) {
        List<String> cmd = new ArrayList<>(List.of("make", "-s", "-C", source.toString()));
        if (!buildDir.equals(source)) cmd.add("O=" + buildDir);
        cmd.addAll(toolchain.makeVariables());
        cmd.addAll(variables);
        cmd.addAll(List.of(targets));
        return cmd;
    }

    /** {@link #argv} as one line a shell takes back as it is ({@code 'CC=ccache aarch64-linux-gnu-gcc'} quoted). */
    public String commandLine(String... targets) {
        return org.kforge.ShellWords.line(argv(targets));
    }

    /** Runs a configuration target (defconfig, olddefconfig ...), which takes seconds. */
    public void config(String target) {
        try {
            Files.createDirectories(buildDir);
        } catch (java.io.IOException e) {
            throw KforgeException.badInput("cannot create " + buildDir + ": " + e.getMessage(), null);
        }
        HostCommand.run(argv(target), null, "make " + target, "apt-get install make flex bison gcc");
    }

    public Path dotConfig() {
        return buildDir.resolve(".config");
    }
}
