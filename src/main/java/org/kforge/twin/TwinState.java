package org.kforge.twin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A running twin as other commands find it: {@code state.json} in its directory, written once it is up. */
public record TwinState(long pid, @JsonProperty("ssh_port") int sshPort, @JsonProperty("console_port") int consolePort,
                        String control, String disk, @JsonProperty("known_hosts") String knownHosts,
                        @JsonProperty("console_log") String consoleLog) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String FILE = "state.json";

    public void write(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The twin's state when its stand-in is alive; else null (a stale file is removed). */
    public static TwinState running(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) return null;
        try {
            TwinState s = JSON.readValue(f.toFile(), TwinState.class);
            if (ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false)) return s;
            Files.deleteIfExists(f);
        } catch (IOException e) {
            // unreadable: as good as not running
        }
        return null;
    }
}
