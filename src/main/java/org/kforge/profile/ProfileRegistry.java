package org.kforge.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.kforge.KforgeException;

/** The profiles shipped as resources ({@code profiles/index.txt} names them): list and select by name or alias. */
public final class ProfileRegistry {
    public static final String DEFAULT = "qemu-virt-arm64";

    private final List<String> names;
    private final java.util.Map<String, MachineProfile> loaded = new java.util.LinkedHashMap<>();

    /** The profiles {@code profiles/index.txt} names, each read from {@code profiles/<name>.yaml} when first asked for. */
    private ProfileRegistry(List<String> names) {
        this.names = List.copyOf(names);
    }

    private static ProfileRegistry builtIn;

    /**
     * The shipped profiles (a boot, compare --boot and the planner all ask). Each is read on first use: a boot
     * that names its profile (or takes the default) reads that one file only.
     */
    public static synchronized ProfileRegistry builtIn() {
        if (builtIn == null) {
            builtIn = new ProfileRegistry(resource("profiles/index.txt").lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        }
        return builtIn;
    }

    /**
     * Loads and links what reading a profile takes (Jackson's YAML parser, the profile records' deserializers)
     * without reading one: a head start for a command that reads the profile its options name.
     */
    public static void warmUp() {
        org.kforge.Json.yamlData().readerFor(MachineProfile.class);
    }

    private synchronized MachineProfile profile(String name) {
        return loaded.computeIfAbsent(name, n -> {
            try {
                return org.kforge.Json.yamlData().readValue(resource("profiles/" + n + ".yaml"), MachineProfile.class);
            } catch (IOException e) {
                throw new UncheckedIOException("profile " + n + " is malformed", e);
            }
        });
    }

    public List<MachineProfile> list() {
        return names.stream().map(this::profile).toList();
    }

    /** The profile called {@code nameOrAlias}; an unknown name is the user's mistake and lists the valid ones. */
    public MachineProfile select(String nameOrAlias) {
        String wanted = nameOrAlias.toLowerCase(Locale.ROOT);
        if (names.contains(wanted)) return profile(wanted);
        for (MachineProfile p : list()) {
            if (p.name().equals(wanted) || p.aliases().contains(wanted)) {
                return p;
            }
        }
        throw KforgeException.badInput("Unknown profile " + nameOrAlias + ". Available: "
                + String.join(", ", names),
                "kforge profiles lists them with one line each");
    }

    private static String resource(String path) {
        try (InputStream in = ProfileRegistry.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
