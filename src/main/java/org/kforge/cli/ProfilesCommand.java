package org.kforge.cli;

import java.util.concurrent.Callable;
import org.kforge.profile.BoardProfile;
import org.kforge.profile.BoardRegistry;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;
import picocli.CommandLine.Command;

@Command(name = "profiles", description = "List the machine profiles (QEMU twins) and the boards, one line each, with where each came from.")
final class ProfilesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Override
    public Integer call() {
        spec.commandLine().getOut().println("machines (kforge boot --profile NAME):");
        for (MachineProfile p : ProfileRegistry.builtIn().list()) {
            String def = p.name().equals(ProfileRegistry.DEFAULT) ? " (default)" : "";
            spec.commandLine().getOut().printf("  %-22s %s%s%n", p.name(), p.summary(), def);
        }
        BoardRegistry boards = BoardRegistry.fromEnvironment();
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().println("boards (kforge deploy|console|power --board NAME; your own in " + boards.userDir() + "):");
        for (BoardProfile b : boards.list()) {
            spec.commandLine().getOut().printf("  %-22s %s [%s]%n", b.name(), b.summary() == null ? "" : b.summary(), b.source());
        }
        return ExitCode.OK;
    }
}
