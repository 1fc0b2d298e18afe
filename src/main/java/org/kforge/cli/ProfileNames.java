package org.kforge.cli;

import java.util.Iterator;
import org.kforge.profile.MachineProfile;
import org.kforge.profile.ProfileRegistry;

/** The built-in profiles' names, for shell completion of {@code --profile}. */
final class ProfileNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return ProfileRegistry.builtIn().list().stream().map(MachineProfile::name).iterator();
    }
}
