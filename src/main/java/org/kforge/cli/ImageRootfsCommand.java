package org.kforge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.asset.HostCommand;
import org.kforge.image.RootfsBuilder;
import org.kforge.image.RootfsSpec;
import org.kforge.profile.MachineProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rootfs", mixinStandardHelpOptions = true,
        description = {"Build a Debian root filesystem image for the twin (mmdebstrap, then mke2fs -d; no mount).",
                "Networking by DHCP on any en*/eth* NIC, a getty on the profile's console, sshd for kforge's key only.",
                "Cached by a hash of its inputs: the same request again is instant."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the image is ready (its path on stdout)", "2:bad input (size, suite, package)",
                "3:the host lacks something (mmdebstrap, e2fsprogs, a qemu-user binfmt)"})
final class ImageRootfsCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin ProfileOption profile;
    @Option(names = "--arch", description = "Debian architecture (default: the profile's, arm64)")
    String arch;
    @Option(names = "--suite", description = "Debian suite (default ${DEFAULT-VALUE})", defaultValue = RootfsImages.DEFAULT_SUITE)
    String suite;
    @Option(names = "--include", split = ",", description = "packages beyond the base set (" + "systemd-sysv, udev, openssh-server)")
    List<String> include;
    @Option(names = "--size", description = "image size, e.g. 2G, 1536M (default ${DEFAULT-VALUE})", defaultValue = RootfsImages.DEFAULT_SIZE)
    String size;
    @Option(names = {"-o", "--output"}, description = "also copy the image here (sparse)")
    Path output;
    @Option(names = "--dry-run", description = "print what would be built and whether it is cached")
    boolean dryRun;

    @Override
    public Integer call() throws InterruptedException {
        MachineProfile p = profile.select();
        CacheDir cache = CacheDir.fromEnvironment();
        RootfsSpec wanted = RootfsImages.spec(p, arch, suite, include, size, cache);
        if (wanted.sizeBytes() < (256L << 20)) {
            throw KforgeException.badInput("--size " + size + " is too small for a Debian root filesystem", "give --size 1G or more");
        }
        RootfsBuilder b = RootfsImages.builder(cache, s -> { });
        Path image = b.imageFor(wanted);
        if (dryRun) {
            spec.commandLine().getOut().printf("arch:     %s%nsuite:    %s%npackages: %s%nsize:     %d MiB%nimage:    %s (%s)%nkey:      %s%n",
                    wanted.arch(), wanted.suite(), String.join(",", wanted.packages()), wanted.sizeBytes() >> 20, image,
                    Files.isRegularFile(image) ? "cached" : "not built yet", cache.root().resolve("ssh/id_ed25519"));
            return ExitCode.OK;
        }
        boolean cached = Files.isRegularFile(image);
        try (StatusLine status = new StatusLine(spec.commandLine().getErr())) {
            RootfsImages.builder(cache, status::show).build(wanted);
        }
        spec.commandLine().getErr().println("kforge: " + (cached ? "cached image" : "built image; log " + b.logFor(wanted)));
        if (output != null) {
            HostCommand.run(List.of("cp", "--sparse=always", image.toString(), output.toString()), null,
                    "copy to " + output, "give -o a writable path");
            image = output;
        }
        spec.commandLine().getOut().println(image);
        return ExitCode.OK;
    }
}
