package org.kforge.cli;

import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;
import picocli.CommandLine.Option;

/** {@code -p/--profile} for commands that only need a profile's facts (console, root device, arch). */
final class ProfileOption {
    @Option(names = {"-p", "--profile"}, description = "machine profile: its arch, console and root device (default ${DEFAULT-VALUE})",
            defaultValue = ProfileRegistry.DEFAULT, completionCandidates = ProfileNames.class)
    String name;

    MachineProfile select() {
        return ProfileRegistry.builtIn().select(name);
    }
}
