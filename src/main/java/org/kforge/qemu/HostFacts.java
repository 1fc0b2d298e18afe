package org.kforge.qemu;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Locale;

/** What the host is, as far as choosing an accelerator goes. */
public record HostFacts(String arch, boolean kvmUsable, String kvmProblem) {

    public static HostFacts probe() {
        String problem = null;
        try (RandomAccessFile kvm = new RandomAccessFile("/dev/kvm", "rw")) {
            kvm.getFD();
        } catch (IOException e) {
            problem = java.nio.file.Files.exists(java.nio.file.Path.of("/dev/kvm"))
                    ? "/dev/kvm cannot be opened (" + e.getMessage() + "): add yourself to the kvm group"
                    : "/dev/kvm does not exist";
        }
        return new HostFacts(normalArch(System.getProperty("os.arch")), problem == null, problem);
    }

    /** Java's os.arch in the kernel's words ({@code uname -m}). */
    static String normalArch(String javaArch) {
        return switch (javaArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> javaArch;
        };
    }
}
