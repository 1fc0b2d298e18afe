package org.kforge.cli;

import java.nio.file.Path;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.profile.BoardPower;
import org.kforge.profile.BoardProfile;
import org.kforge.twin.TwinState;

/** Where a twin board lives (boards/NAME under the cache) and its profile with the running twin's endpoints. */
final class TwinBoards {
    private TwinBoards() {
    }

    static Path dir(CacheDir cache, BoardProfile b) {
        return cache.root().resolve("boards").resolve(b.name());
    }

    /** A board as commands use it: a twin's ssh, console and power filled in from its state; it must be running. */
    static BoardProfile live(BoardProfile b, CacheDir cache) {
        if (b.twin() == null) return b;
        TwinState s = TwinState.running(dir(cache, b));
        if (s == null) {
            throw KforgeException.badInput("the twin board " + b.name() + " is not running", "kforge board start " + b.name());
        }
        return b.withEndpoints("root@127.0.0.1:" + s.sshPort(), b.console().withTcp("127.0.0.1:" + s.consolePort()),
                new BoardPower(null, null, null, null, null, null, s.control()));
    }

    /** The known-hosts file for a board's ssh host key: the twin's own (new with each disk), else one per board. */
    static Path knownHosts(CacheDir cache, BoardProfile b) {
        if (b.twin() != null) return dir(cache, b).resolve("known_hosts");
        return cache.root().resolve("ssh").resolve("known_hosts").resolve("board-" + b.name());
    }
}
