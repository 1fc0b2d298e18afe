package org.kforge.asset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kforge.KforgeException;

/**
 * apt-get and apt-cache run with the host's own sources but a private state for one foreign
 * architecture: the host's dpkg never learns about it (no {@code dpkg --add-architecture}).
 * The mirror is whatever the host's apt configuration names; kforge never names one.
 */
public final class HostApt {
    private final Path state;
    private final String arch;

    public HostApt(CacheDir cache, String debianArch) {
        this.state = cache.dir("apt/" + debianArch);
        this.arch = debianArch;
    }

    private List<String> command(String tool, String... args) {
        List<String> cmd = new ArrayList<>(List.of(tool,
                "-o", "Dir::State::Lists=" + state.resolve("lists"),
                "-o", "Dir::State::status=" + state.resolve("status"),
                "-o", "Dir::Cache=" + state.resolve("cache"),
                "-o", "Dir::Etc::Preferences=" + state.resolve("preferences"),
                "-o", "Dir::Etc::PreferencesParts=" + state.resolve("preferences.d"),
                "-o", "APT::Architecture=" + arch,
                "-o", "APT::Architectures::=" + arch,
                "-o", "APT::Sandbox::User=root",
                "-o", "Debug::NoLocking=1",
                "-q"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** True once the package lists for this architecture have been fetched. */
    public boolean hasLists() {
        try (var s = Files.list(state.resolve("lists"))) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith("_Packages"));
        } catch (IOException e) {
            return false;
        }
    }

    public void update() {
        try {
            Files.createDirectories(state.resolve("lists/partial"));
            Files.createDirectories(state.resolve("cache/archives/partial"));
            Files.createDirectories(state.resolve("preferences.d"));
            if (!Files.exists(state.resolve("status"))) {
                Files.createFile(state.resolve("status"));
            }
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot prepare apt state in " + state + ": " + e.getMessage(),
                    "make the kforge cache writable (XDG_CACHE_HOME)");
        }
        HostCommand.run(command("apt-get", "update"), null, "apt-get update for " + arch,
                "check the host's apt sources (/etc/apt/sources.list*) and network");
    }

    /** The candidate version of a package and its Depends line, from the private lists. */
    public PackageInfo show(String pkg) {
        String out = HostCommand.run(command("apt-cache", "show", "--no-all-versions", pkg), null,
                "apt-cache show " + pkg, "is " + pkg + " a Debian package for " + arch + "?");
        String version = null;
        String depends = "";
        for (String line : out.lines().toList()) {
            if (line.startsWith("Version: ")) version = line.substring(9).strip();
            if (line.startsWith("Depends: ")) depends = line.substring(9).strip();
        }
        if (version == null) {
            throw KforgeException.badInput("Debian has no package " + pkg + " for " + arch,
                    "apt-cache search it on a Debian machine");
        }
        return new PackageInfo(pkg, version, depends);
    }

    /** Downloads exactly {@code pkg=version} into {@code dir}. */
    public void download(PackageInfo info, Path dir) {
        HostCommand.run(command("apt-get", "download", info.name() + "=" + info.version()), dir,
                "apt-get download " + info.name(), "check the host's apt sources and network");
    }

    /** One package as the lists describe it. */
    public record PackageInfo(String name, String version, String depends) {
        /** The first package named in Depends (a metapackage's target), or null. */
        public String firstDependency() {
            if (depends.isBlank()) return null;
            return depends.split("[,|]")[0].strip().split("[ (]")[0];
        }

        /** The file name apt-get download gives this package (':' in an epoch becomes %3a). */
        public String debFileName(String arch) {
            return name + "_" + version.replace(":", "%3a") + "_" + arch + ".deb";
        }
    }
}
