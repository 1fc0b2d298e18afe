package org.kforge.asset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** kforge's cache: {@code $XDG_CACHE_HOME/kforge}, else {@code ~/.cache/kforge}. */
public record CacheDir(Path root) {

    public static CacheDir fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    static CacheDir fromEnvironment(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache");
        return new CacheDir(base.resolve("kforge"));
    }

    /** A subdirectory, created on first use. */
    public Path dir(String name) {
        Path p = root.resolve(name);
        try {
            Files.createDirectories(p);
        } catch (java.io.IOException e) {
            throw org.kforge.KforgeException.hostMissing("cannot create the cache directory " + p + ": " + e.getMessage(),
                    "set XDG_CACHE_HOME to a writable directory");
        }
        return p;
    }
}
