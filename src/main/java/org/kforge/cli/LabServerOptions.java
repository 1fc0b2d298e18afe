package org.kforge.cli;

import org.kforge.lab.LavaServer;
import picocli.CommandLine.Option;

/** {@code --server URL --token TOKEN}: the LAVA server and a user's API token. */
final class LabServerOptions {
    @Option(names = "--server", required = true, paramLabel = "URL", description = "the LAVA server's base URL, e.g. http://lava.example:8000")
    String url;
    @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "a LAVA user's API token")
    String token;

    LavaServer server() {
        return new LavaServer(url, token);
    }
}
