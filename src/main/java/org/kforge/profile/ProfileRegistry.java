package org.kforge.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.kforge.KforgeException;

/** The profiles shipped as resources ({@code profiles/index.txt} names them): list and select by name or alias. */
public final class ProfileRegistry {
    public static final String DEFAULT = "qemu-virt-arm64";

    private final List<MachineProfile> profiles;

    public ProfileRegistry(List<MachineProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    private static ProfileRegistry builtIn;

    /** The shipped profiles, read once per process (a boot, compare --boot and the planner all ask). */
    public static synchronized ProfileRegistry builtIn() {
        if (builtIn == null) builtIn = load();
        return builtIn;
    }

    private static ProfileRegistry load() {
        ObjectMapper yaml = org.kforge.Json.yamlData();
        List<MachineProfile> loaded = new ArrayList<>();
        for (String name : resource("profiles/index.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            try {
                loaded.add(yaml.readValue(resource("profiles/" + name + ".yaml"), MachineProfile.class));
            } catch (IOException e) {
                throw new UncheckedIOException("profile " + name + " is malformed", e);
            }
        }
        return new ProfileRegistry(loaded);
    }

    public List<MachineProfile> list() {
        return profiles;
    }

    /** The profile called {@code nameOrAlias}; an unknown name is the user's mistake and lists the valid ones. */
    public MachineProfile select(String nameOrAlias) {
        String wanted = nameOrAlias.toLowerCase(Locale.ROOT);
        for (MachineProfile p : profiles) {
            if (p.name().equals(wanted) || p.aliases().contains(wanted)) {
                return p;
            }
        }
        throw KforgeException.badInput("Unknown profile " + nameOrAlias + ". Available: "
                + profiles.stream().map(MachineProfile::name).collect(Collectors.joining(", ")),
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
