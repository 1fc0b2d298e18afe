package org.kforge.boot;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kforge.KforgeException;

/**
 * A running boot as other kforge commands find it: {@code session.json} in its run directory
 * (QMP socket, gdbstub port, the kernel and its symbols, the forwarded ssh port and the image's known
 * host key file). Written when QEMU starts.
 */
public record RunSession(@JsonProperty("run_dir") String runDir, @JsonProperty("kforge_pid") long kforgePid,
                         @JsonProperty("qmp_socket") String qmpSocket, @JsonProperty("gdb_port") Integer gdbPort,
                         String profile, String kernel, @JsonProperty("kernel_release") String kernelRelease,
                         String symbols, @JsonProperty("ssh_port") Integer sshPort,
                         @JsonProperty("ssh_known_hosts") String sshKnownHosts) {
    private static final ObjectMapper JSON = org.kforge.Json.json();
    public static final String FILE = "session.json";

    public void write() throws IOException {
        Path dir = Path.of(runDir);
        Path tmp = dir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public static RunSession read(Path runDir) {
        Path f = runDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw KforgeException.badInput(runDir + " is not a kforge run (no " + FILE + ")",
                    "give a run directory, or omit it for the latest boot");
        }
        try {
            return JSON.readValue(f.toFile(), RunSession.class);
        } catch (IOException e) {
            throw KforgeException.badInput(f + " is unreadable: " + e.getMessage(), null);
        }
    }

    /** True while the kforge boot that owns this run is alive (its QEMU is stopped when it exits). */
    public boolean alive() {
        return ProcessHandle.of(kforgePid).map(ProcessHandle::isAlive).orElse(false);
    }
}
