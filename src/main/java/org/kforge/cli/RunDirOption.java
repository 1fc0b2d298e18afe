package org.kforge.cli;

import org.kforge.asset.CacheDir;
import org.kforge.boot.RunRegistry;
import org.kforge.boot.RunSession;
import picocli.CommandLine.Option;

/**
 * {@code --run-dir}: which running boot a command talks to (debug, qmp, ssh). {@code --run} is its old
 * name, kept hidden: on {@code kforge boot}, {@code --run} is a command to run.
 */
final class RunDirOption {
    @Option(names = "--run-dir", paramLabel = "RUN", description = "run directory or name (default: the latest boot)")
    String dir;

    @Option(names = "--run", hidden = true, paramLabel = "RUN", description = "old name of --run-dir")
    void oldName(String value) {
        dir = value;
    }

    /** Whether a run directory was named. */
    boolean given() {
        return dir != null;
    }

    RunSession running() {
        return new RunRegistry(CacheDir.fromEnvironment()).running(dir);
    }
}
