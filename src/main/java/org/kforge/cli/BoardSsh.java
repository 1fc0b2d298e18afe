package org.kforge.cli;

import java.io.IOException;
import java.time.Duration;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.board.KnownHost;
import org.kforge.board.SshTarget;
import org.kforge.profile.BoardProfile;
import org.kforge.profile.SshAddress;

/** An SSH login to a board with kforge's key; the board's host key recorded on first use, checked after. */
final class BoardSsh {
    private BoardSsh() {
    }

    static SshTarget login(BoardProfile b, CacheDir cache) throws IOException {
        SshAddress a = b.sshAddress();
        if (a == null) throw KforgeException.badInput("board " + b.name() + " has no ssh address", "add ssh: root@HOST to its board file");
        try {
            return SshTarget.login(a.host(), a.port(), a.user(), RootfsImages.key(cache), new KnownHost(TwinBoards.knownHosts(cache, b)),
                    Duration.ofSeconds(10));
        } catch (KforgeException e) {
            throw e;
        } catch (IOException e) {
            throw new KforgeException(1, "ssh to " + b.name() + " (" + a + ") failed: " + e.getMessage(),
                    "is the board up? kforge console --board " + b.name() + "; is kforge's key (" + cache.root().resolve("ssh/id_ed25519.pub")
                            + ") in its authorized_keys?");
        }
    }
}
