package org.kforge.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.asset.FileTrees;
import org.kforge.asset.SystemMap;
import org.kforge.profile.MachineProfile;
import org.kforge.qemu.HostFacts;

/**
 * The symbol table of the kernel a twin boots. Debian's package ships a System.map that only points
 * at the 800 MB -dbg package, so kforge reads /proc/kallsyms from the kernel itself, booted once
 * with nokaslr (the addresses a debugger sees under --gdb), and keeps it under {@code symbols/}.
 */
public final class KernelSymbols {
    private static final String MARK = "kforge-kallsyms";

    private KernelSymbols() {
    }

    public static Path forKernel(MachineProfile profile, Path kernel, CacheDir cache, Consumer<String> progress) {
        String name = kernel.getFileName().toString();
        Path shipped = kernel.resolveSibling(name.replaceFirst("^vmlinuz-", "System.map-"));
        if (!shipped.equals(kernel) && SystemMap.looksReal(shipped)) return shipped;
        Path map = cache.dir("symbols").resolve(key(kernel) + ".map");
        if (Files.exists(map)) return map;
        progress.accept("reading the kernel's symbols from /proc/kallsyms on the twin (once per kernel)");
        Path run = null;
        try {
            run = Files.createTempDirectory("kforge-kallsyms");
            BootJob job = BootJob.on(profile.name()).kernel(kernel.toAbsolutePath().toString()).append("nokaslr")
                    .exec("echo " + MARK + "; cat /proc/kallsyms").timeout(300).silenceTimeout(30).hangTimeout(60).build();
            BootAssets assets = new AssetResolver(cache, progress, false, false).resolve(profile, job);
            BootPlan plan = BootPlanner.plan(profile, job, assets, HostFacts.probe(), run);
            BootResult r = new TwinBoot(line -> { }).run(plan);
            List<String> lines = Files.readAllLines(run.resolve("console.log"), java.nio.charset.StandardCharsets.ISO_8859_1);
            int from = lines.indexOf(MARK);
            if (!r.verdict().booted() || from < 0 || SystemMap.parse(lines.subList(from, lines.size())).size() < 1000) {
                throw new KforgeException(1, "could not read /proc/kallsyms from the twin (" + r.verdict().title() + ")",
                        "give the kernel's System.map next to it, or build with kforge build");
            }
            Path tmp = map.resolveSibling(map.getFileName() + ".tmp");
            Files.write(tmp, lines.subList(from + 1, lines.size()).stream()
                    .filter(l -> l.matches("^[0-9a-f]{16} \\S \\S+.*")).toList());
            Files.move(tmp, map, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return map;
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot store the symbol table " + map + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KforgeException(1, "interrupted while reading the kernel's symbols", null);
        } finally {
            try {
                if (run != null) FileTrees.delete(run);
            } catch (IOException ignored) {
                // a temporary directory left behind
            }
        }
    }

    /** Names the table by the image's file name and size (a rebuilt Image gets a new table). */
    private static String key(Path kernel) {
        try {
            return kernel.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + Files.size(kernel);
        } catch (IOException e) {
            throw KforgeException.badInput("cannot read " + kernel, null);
        }
    }
}
