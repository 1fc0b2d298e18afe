package org.kforge.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Writes the initramfs an {@link InitramfsSpec} describes. */
public final class InitramfsWriter {
    private InitramfsWriter() {
    }

    public static void write(InitramfsSpec spec, OutputStream out) throws IOException {
        write(spec, out, true);
    }

    /**
     * With {@code gzip} false the archive is plain: the twin's initramfs, which QEMU loads from a local file, so
     * inflating it would only cost the guest time under TCG (and kforge the time to deflate it).
     */
    public static void write(InitramfsSpec spec, OutputStream out, boolean gzip) throws IOException {
        try (CpioNewcWriter cpio = new CpioNewcWriter(out, gzip)) {
            cpio.directory("dev");
            cpio.file("bin/busybox", 0755, Files.readAllBytes(spec.busybox()));
            cpio.symlink("bin/sh", "busybox");
            cpio.file("init", 0755, initScript(spec).getBytes(StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (Path module : spec.modules()) {
                String inImage = "lib/modules/" + spec.modulesRoot().relativize(module).toString().replaceFirst("\\.xz$", "");
                cpio.file(inImage, 0644, moduleBytes(module));
                lines.add("/" + inImage);
            }
            if (spec.moduleIndex() != null && Files.isRegularFile(spec.moduleIndex().resolve("modules.builtin"))) {
                cpio.file("lib/modules/" + spec.moduleIndex().getFileName() + "/modules.builtin", 0644,
                        Files.readAllBytes(spec.moduleIndex().resolve("modules.builtin")));
            }
            cpio.file("etc/kforge/modules", 0644, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            String run = spec.command() == null ? "" : spec.command() + "\n";
            cpio.file("etc/kforge/run", 0644, run.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** busybox insmod takes plain ELF modules: an .xz module is stored uncompressed. */
    private static byte[] moduleBytes(Path module) throws IOException {
        if (!module.toString().endsWith(".xz")) return Files.readAllBytes(module);
        try (InputStream in = new XZCompressorInputStream(Files.newInputStream(module))) {
            return in.readAllBytes();
        }
    }

    static String initScript(InitramfsSpec spec) throws IOException {
        try (InputStream in = InitramfsWriter.class.getClassLoader().getResourceAsStream("image/init.sh")) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return template.replace("@ROOTWAIT@", Integer.toString(spec.rootWaitSeconds()));
        }
    }
}
