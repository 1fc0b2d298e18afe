package org.kforge.cli;

import java.util.concurrent.Callable;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;
import picocli.CommandLine.Command;

@Command(name = "profiles", description = "List the machine profiles, one line each.")
final class ProfilesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Override
    public Integer call() {
        for (MachineProfile p : ProfileRegistry.builtIn().list()) {
            String def = p.name().equals(ProfileRegistry.DEFAULT) ? " (default)" : "";
            spec.commandLine().getOut().printf("%-24s %s%s%n", p.name(), p.summary(), def);
        }
        return ExitCode.OK;
    }
}
