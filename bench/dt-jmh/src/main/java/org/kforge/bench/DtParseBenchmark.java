package org.kforge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kforge.asset.CacheDir;
import org.kforge.asset.DebianAssets;
import org.kforge.asset.KernelPackage;
import org.kforge.dt.DtsWriter;
import org.kforge.dt.Fdt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** In-process DTBs per second over every DTB of Debian's arm64 kernel package, held in memory. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DtParseBenchmark {
    /** Debian 6.1's arm64 kernel package ships 577 DTBs; the count is checked in setup. */
    static final int DTBS = 577;
    List<byte[]> dtbs;

    @Setup
    public void load() throws IOException {
        var assets = new DebianAssets(CacheDir.fromEnvironment(), "arm64", System.err::println);
        Path dir = KernelPackage.in(assets.tree("linux-image-arm64", true, false), "").dtbDir();
        try (var s = Files.walk(dir)) {
            dtbs = s.filter(p -> p.toString().endsWith(".dtb")).sorted().map(DtParseBenchmark::bytes).toList();
        }
        if (dtbs.size() != DTBS) throw new IllegalStateException("expected " + DTBS + " DTBs, found " + dtbs.size());
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Benchmark
    @OperationsPerInvocation(DTBS)
    public void parse(Blackhole bh) {
        for (byte[] b : dtbs) bh.consume(Fdt.parse(b, "bench"));
    }

    @Benchmark
    @OperationsPerInvocation(DTBS)
    public void parseAndWriteDts(Blackhole bh) {
        for (byte[] b : dtbs) bh.consume(DtsWriter.source(Fdt.parse(b, "bench")));
    }
}
