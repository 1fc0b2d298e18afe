package org.kforge.kconfig;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kforge.KforgeException;
import org.kforge.profile.MachineProfile;

/** The options a profile needs, looked up in {@code kconfig/boot-options.yaml} by the profile's words. */
public final class BootOptions {
    /** The root filesystem kforge's images carry (kforge image rootfs: mke2fs -d). */
    static final String ROOT_FS = "ext4";

    private final Map<String, Map<String, List<BootOption>>> table;
    private final List<BootOption> always;

    private BootOptions(Map<String, Object> raw, ObjectMapper mapper) {
        this.always = mapper.convertValue(raw.get("always"), new TypeReference<List<BootOption>>() { });
        Map<String, Object> rest = new java.util.LinkedHashMap<>(raw);
        rest.remove("always");
        this.table = mapper.convertValue(rest, new TypeReference<Map<String, Map<String, List<BootOption>>>>() { });
    }

    public static BootOptions builtIn() {
        ObjectMapper yaml = org.kforge.Json.yamlData();
        try (InputStream in = BootOptions.class.getResourceAsStream("/kconfig/boot-options.yaml")) {
            return new BootOptions(yaml.readValue(in, new TypeReference<Map<String, Object>>() { }), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("kconfig/boot-options.yaml is malformed", e);
        }
    }

    /** Every option {@code profile} needs, in boot order: console, root bus and disk, filesystem, basics, net. */
    public List<BootOption> forProfile(MachineProfile profile) {
        List<BootOption> out = new ArrayList<>();
        out.addAll(lookup("uart", profile.console().uart(), profile));
        out.addAll(lookup("bus", profile.root().bus(), profile));
        out.addAll(lookup("fs", ROOT_FS, profile));
        out.addAll(always);
        if (profile.net() != null) out.addAll(lookup("net", profile.net().device(), profile));
        return out;
    }

    private List<BootOption> lookup(String kind, String word, MachineProfile profile) {
        List<BootOption> found = table.getOrDefault(kind, Map.of()).get(word);
        if (found == null) {
            throw KforgeException.badInput("kforge does not know the kernel options for " + kind + " " + word
                    + " of profile " + profile.name(), "add it to kconfig/boot-options.yaml");
        }
        return found;
    }
}
