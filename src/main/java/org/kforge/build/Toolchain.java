package org.kforge.build;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kforge.KforgeException;

/**
 * The compiler make is told to use: {@code CROSS_COMPILE} or {@code LLVM=1} from the environment when set,
 * else the Debian cross gcc for the architecture ({@code Documentation/kbuild/llvm.rst}, tuxmake's arm64.ini).
 */
public record Toolchain(String arch, String crossCompile, boolean llvm, String reason) {
    private static final Map<String, String> DEBIAN_PREFIX = Map.of(
            "arm64", "aarch64-linux-gnu-", "arm", "arm-linux-gnueabihf-", "riscv", "riscv64-linux-gnu-");
    private static final Map<String, String> HOST_ARCH = Map.of("arm64", "aarch64", "arm", "arm", "riscv", "riscv64");

    public static Toolchain detect(String arch, Map<String, String> env) {
        if ("1".equals(env.get("LLVM"))) return new Toolchain(arch, null, true, "LLVM=1 from the environment");
        String cc = env.get("CROSS_COMPILE");
        if (cc != null && !cc.isBlank()) return new Toolchain(arch, cc, false, "CROSS_COMPILE from the environment");
        if (HOST_ARCH.getOrDefault(arch, arch).equals(System.getProperty("os.arch"))) {
            return new Toolchain(arch, "", false, "native compiler: the host is " + arch);
        }
        String prefix = DEBIAN_PREFIX.get(arch);
        if (prefix == null) {
            throw KforgeException.badInput("kforge knows no cross compiler for ARCH=" + arch, "set CROSS_COMPILE");
        }
        if (!onPath(prefix + "gcc", env.getOrDefault("PATH", ""))) {
            throw KforgeException.hostMissing("no cross compiler " + prefix + "gcc for ARCH=" + arch,
                    "apt-get install gcc-" + prefix.substring(0, prefix.length() - 1) + " (or set CROSS_COMPILE / LLVM=1)");
        }
        return new Toolchain(arch, prefix, false, "Debian's cross gcc " + prefix + "gcc");
    }

    /** Whether {@code program} is an executable in one of the directories of {@code path} (a PATH value). */
    public static boolean onPath(String program, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** The make variables that select this toolchain. */
    public List<String> makeVariables() {
        List<String> out = new ArrayList<>(List.of("ARCH=" + arch));
        if (llvm) out.add("LLVM=1");
        else if (!crossCompile.isEmpty()) out.add("CROSS_COMPILE=" + crossCompile);
        return out;
    }
}
