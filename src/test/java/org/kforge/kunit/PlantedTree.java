package org.kforge.kunit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.kforge.asset.CacheDir;

/**
 * KunitIT's kernel tree: a copy of Debian's linux-source-6.1 made of hard links ({@code cp -al}: seconds, no space),
 * with kforge's planted KUnit suite (src/test/resources/kunit/kforge-planted-test.c) in lib/kunit/, its Kconfig
 * entry and its Makefile line. The three files it changes are written anew (the link removed first), so the
 * unpacked tree they were linked to stays as Debian shipped it. Kept in {@code <cache>/kunit-it/} so the build
 * directory kforge keys by tree and config is found again on the next run.
 */
final class PlantedTree {
    static final String TEST = "kforge-planted-test.c";
    static final String KCONFIG_ENTRY = "config KFORGE_PLANTED_TEST\n\tbool \"kforge's planted KUnit suite (KunitIT)\"\n\tdepends on KUNIT=y\n\n";
    static final String MAKEFILE_LINE = "\nobj-$(CONFIG_KFORGE_PLANTED_TEST) +=\tkforge-planted-test.o\n";

    private PlantedTree() {
    }

    static Path tree(CacheDir cache, Path source) throws IOException, InterruptedException {
        Path tree = cache.dir("kunit-it").resolve(source.getFileName() + "-planted");
        if (!Files.isRegularFile(tree.resolve("Kconfig"))) {
            Path tmp = cache.dir("kunit-it").resolve(".copy-" + ProcessHandle.current().pid());
            Process cp = new ProcessBuilder("cp", "-al", source.toString(), tmp.toString()).inheritIO().start();
            if (!cp.waitFor(10, TimeUnit.MINUTES) || cp.exitValue() != 0) throw new IOException("cp -al " + source + " failed");
            Files.move(tmp, tree, StandardCopyOption.ATOMIC_MOVE);
        }
        Path kunit = tree.resolve("lib/kunit");
        String kconfig = Files.readString(source.resolve("lib/kunit/Kconfig"));
        if (!kconfig.contains("\nendif # KUNIT\n")) throw new IOException("no 'endif # KUNIT' in " + source.resolve("lib/kunit/Kconfig"));
        replace(kunit.resolve("Kconfig"), kconfig.replace("\nendif # KUNIT\n", "\n" + KCONFIG_ENTRY + "endif # KUNIT\n"));
        replace(kunit.resolve("Makefile"), Files.readString(source.resolve("lib/kunit/Makefile")) + MAKEFILE_LINE);
        try (InputStream in = PlantedTree.class.getResourceAsStream("/kunit/" + TEST)) {
            replace(kunit.resolve(TEST), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return tree;
    }

    /** Writes {@code text} unless the file holds it already (an unchanged file keeps its time: make has nothing to do). */
    private static void replace(Path file, String text) throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file).equals(text)) return;
        Files.deleteIfExists(file); // a hard link to the unpacked tree: never written through
        Files.writeString(file, text);
    }
}
