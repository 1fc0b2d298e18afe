package org.kforge.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.build.BuildArtifacts;
import org.kforge.build.KernelBuild;
import org.kforge.build.KernelMake;
import org.kforge.build.Toolchain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build a configured kernel tree: progress from make's output, the whole log kept, the first "
                + "compiler error with file and line on failure, artifacts in BUILD_DIR/build.json.")
final class BuildCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--source", required = true, paramLabel = "DIR") Path source;
    @Option(names = "-O", paramLabel = "BUILD_DIR", description = "build directory (default: the source tree)") Path buildDir;
    @Option(names = "--arch", defaultValue = "arm64", description = "default: ${DEFAULT-VALUE}") String arch;
    @Option(names = "-j", defaultValue = "2", paramLabel = "N", description = "make jobs (default: ${DEFAULT-VALUE})") int jobs;
    @Option(names = "--targets", split = ",", defaultValue = "Image,dtbs,modules",
            description = "make targets (default: ${DEFAULT-VALUE})") List<String> targets;

    @Override
    public Integer call() throws Exception {
        if (jobs < 1) throw KforgeException.badInput("-j " + jobs + ": at least 1", null);
        KernelMake make = KernelMake.of(source, buildDir != null ? buildDir : source, Toolchain.detect(arch, System.getenv()));
        spec.commandLine().getErr().println("kforge: toolchain: " + make.toolchain().reason());
        BuildArtifacts a = new KernelBuild(make, jobs, targets, msg -> spec.commandLine().getErr().println("kforge: " + msg)).run();
        spec.commandLine().getOut().printf("built %s in %.0f s%n", a.release(), a.seconds());
        if (a.image() != null) spec.commandLine().getOut().println("  Image:      " + a.image());
        if (a.systemMap() != null) spec.commandLine().getOut().println("  System.map: " + a.systemMap());
        spec.commandLine().getOut().println("  DTBs:       " + a.dtbs().size());
        if (a.modules() != null) spec.commandLine().getOut().println("  modules:    " + a.modules());
        spec.commandLine().getOut().println("  log:        " + a.log());
        spec.commandLine().getOut().println("  boot it:    kforge boot --kernel-tree " + make.buildDir());
        return ExitCode.OK;
    }
}
