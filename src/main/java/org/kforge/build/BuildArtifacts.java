package org.kforge.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a build left in its build directory, as build.json records it. */
public record BuildArtifacts(String release, String image, String vmlinux, String systemMap, List<String> dtbs,
                             String modules, String log, double seconds, List<String> targets) {

    public static BuildArtifacts in(Path buildDir, String arch, Path modulesDir, Path log, double seconds, List<String> targets)
            throws IOException {
        Path rel = buildDir.resolve("include/config/kernel.release");
        String release = Files.isRegularFile(rel) ? Files.readString(rel).strip() : null;
        List<String> dtbs = List.of();
        Path dts = buildDir.resolve("arch/" + arch + "/boot/dts");
        if (Files.isDirectory(dts)) {
            try (Stream<Path> s = Files.walk(dts)) {
                dtbs = s.filter(p -> p.toString().endsWith(".dtb")).map(Path::toString).sorted().toList();
            }
        }
        return new BuildArtifacts(release, existing(buildDir.resolve("arch/" + arch + "/boot/Image")),
                existing(buildDir.resolve("vmlinux")), existing(buildDir.resolve("System.map")), dtbs,
                modulesDir == null ? null : existing(modulesDir), log.toString(), seconds, targets);
    }

    private static String existing(Path p) {
        return Files.exists(p) ? p.toString() : null;
    }
}
