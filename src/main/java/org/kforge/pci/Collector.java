package org.kforge.pci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.kforge.InputFile;
import org.kforge.KforgeException;
import org.kforge.Limits;

/** The POSIX-sh collector shipped as a resource: its text (to run on a target) and a local run. */
public final class Collector {
    public static final String RESOURCE = "/pci/collect.sh";

    private Collector() {
    }

    public static String script() {
        try (InputStream in = Collector.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("collector script missing from the jar: " + RESOURCE, e);
        }
    }

    /** Runs the collector on this machine and writes the snapshot to {@code dir}; returns its file count. */
    public static int snapshotHere(Path dir) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("sh", "-s").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot run sh for the PCI collector: " + e.getMessage(), "apt-get install dash coreutils");
        }
        p.getOutputStream().write(script().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] records = InputFile.read(p.getInputStream(), Limits.CAPTURE_BYTES, "the collector's output");
        if (p.waitFor() != 0) {
            throw KforgeException.hostMissing("the PCI collector failed (exit " + p.exitValue() + ")", "it needs sh, od and readlink (coreutils)");
        }
        return SnapshotStream.write(new java.io.ByteArrayInputStream(records), dir, "the collector's output");
    }
}
