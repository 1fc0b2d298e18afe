package org.kforge.kunit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.kconfig.FragmentMerge;
import org.kforge.kconfig.KernelConfig;

/**
 * The config of a KUnit kernel: tinyconfig, the twin's fragment, kforge's {@code kunit} fragment (KUnit built in,
 * chosen suites), then the user's fragments, merged as {@code kforge config new} merges them. Its build directory
 * is keyed by what went into it (the tree's path, the base, every fragment's values), so the same request finds
 * the same build directory and its make has nothing to do.
 */
public record KunitConfig(Path source, String arch, String base, List<String> fragments) {
    public static final String BASE = "tinyconfig";
    /** kforge's fragments, before the user's: the twin's (a bootable qemu-virt-arm64 kernel), then KUnit's. */
    public static final List<String> OWN = List.of("qemu-virt-arm64", "kunit");

    public KunitConfig {
        fragments = List.copyOf(fragments);
    }

    /** kforge's fragments and then the user's; every fragment is checked to exist (exit 2 when one does not). */
    public static KunitConfig of(Path source, String arch, List<String> userFragments) {
        List<String> all = new ArrayList<>(OWN);
        all.addAll(userFragments);
        KunitConfig c = new KunitConfig(source.toAbsolutePath().normalize(), arch, BASE, all);
        c.asked();
        return c;
    }

    /** Every option a fragment asks for, with the fragment that asked last (later fragments win, as in merge_config.sh). */
    public Map<String, String[]> asked() {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String f : fragments) {
            KernelConfig k = FragmentMerge.fragment(f, source, arch);
            k.values().forEach((name, value) -> out.put(name, new String[] {value, k.origin()}));
        }
        return out;
    }

    /** The cache key: a SHA-256 prefix of the tree's path, the arch, the base and each fragment's values, in order. */
    public String key() {
        StringBuilder s = new StringBuilder(source + "\n" + arch + "\n" + base + "\n");
        for (String f : fragments) {
            // the values, not the name: the same fragment given by another path is the same config
            s.append(new TreeMap<>(FragmentMerge.fragment(f, source, arch).values())).append('\n');
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new KforgeException(70, "no SHA-256 in this JVM", null);
        }
    }

    /** {@code <cache>/kunit/<tree>-<key>}: the build directory (and so the incremental build) of this config. */
    public Path buildDir(CacheDir cache) {
        return cache.dir("kunit").resolve(source.getFileName() + "-" + key());
    }

    /** The config as a person reads it: "tinyconfig + qemu-virt-arm64 + kunit + mine.config". */
    public String describe() {
        return base + " + " + String.join(" + ", fragments);
    }
}
