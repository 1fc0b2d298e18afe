package org.kforge.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What a rootfs build leaves while it runs: a work directory and a part image, each named with its pid. */
final class BuildLeftovers {
    private static final Pattern OWNER = Pattern.compile("(?:^\\.build-[0-9a-f]+-|\\.part-)([0-9]+)$");

    private BuildLeftovers() {
    }

    /** Removes leftovers of builds whose kforge is gone (killed with SIGKILL, or the machine went down). */
    static void sweep(Path images) {
        try (Stream<Path> s = Files.list(images)) {
            for (Path p : s.toList()) {
                Matcher m = OWNER.matcher(p.getFileName().toString());
                if (m.find() && ProcessHandle.of(Long.parseLong(m.group(1))).map(h -> !h.isAlive()).orElse(true)) remove(p);
            }
        } catch (IOException e) {
            // nothing to sweep
        }
    }

    static void remove(Path... paths) {
        for (Path p : paths) {
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
            // --one-file-system: never into a /proc or /dev a killed mmdebstrap left mounted in the chroot
            try {
                new ProcessBuilder(List.of("rm", "-rf", "--one-file-system", p.toString())).inheritIO().start().waitFor();
            } catch (IOException e) {
                // left for the next sweep
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static long bytesUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
