package org.kforge.boot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.kforge.Json;
import org.kforge.KforgeException;

/**
 * One twin boot as a document ({@code job.json}, or YAML): what to boot, on which profile, with which
 * command line, disk, modules, devices, timeouts and command, and Xen's options. Every run directory
 * keeps the job that made it; {@code kforge boot --job FILE} boots it again, {@code kforge compare --job A
 * --job B} boots two and compares them. Field names are snake_case, the options of {@code kforge boot}
 * ({@code --silence-timeout} is {@code silence_timeout}); a missing field is that option's default.
 * Paths are absolute (a relative one in a file is relative to the file's directory). Timeouts are seconds.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BootJob(int schemaVersion, String profile, String kernel, String kernelTree, String initrd, boolean noInitrd,
                      String append, String disk, String rootfs, List<String> modules, String exec, String run,
                      Integer sshPort, String accel, Integer timeout, Integer silenceTimeout, Integer hangTimeout,
                      Integer rootWait, Integer gdb, boolean waitForGdb, String dtb, String xen, String xenAppend,
                      List<String> machineOptions, List<String> devices, String passthrough, boolean diskSnapshot,
                      Integer smp) {
    /** The version of this document kforge writes; it reads this one and none newer. */
    public static final int SCHEMA_VERSION = 1;
    public static final String FILE = "job.json";

    public BootJob {
        modules = modules == null ? List.of() : List.copyOf(modules);
        machineOptions = machineOptions == null ? List.of() : List.copyOf(machineOptions);
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    /** A job with every default: Debian's kernel and busybox on {@code profile}. */
    public static Builder on(String profile) {
        return new Builder().profile(profile);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The job with its paths made absolute against {@code base} (a job file's directory, or the working directory). */
    public BootJob absolute(Path base) {
        UnaryOperator<String> abs = p -> p == null ? null : base.resolve(p).toAbsolutePath().normalize().toString();
        String image = rootfs == null || rootfs.equals("debian") ? rootfs : abs.apply(rootfs);
        return new BootJob(schemaVersion, profile, abs.apply(kernel), abs.apply(kernelTree), abs.apply(initrd), noInitrd, append,
                abs.apply(disk), image, modules, exec, run, sshPort, accel, timeout, silenceTimeout, hangTimeout, rootWait, gdb,
                waitForGdb, abs.apply(dtb), abs.apply(xen), xenAppend, machineOptions, devices, passthrough, diskSnapshot, smp);
    }

    /** Rejects what no boot can do, naming the option; files are checked when the assets are resolved. */
    public BootJob check() {
        if (schemaVersion != SCHEMA_VERSION) {
            throw KforgeException.badInput("job schema_version " + schemaVersion + ": this kforge reads version " + SCHEMA_VERSION,
                    "write \"schema_version\": " + SCHEMA_VERSION + " (a job from a newer kforge needs that kforge)");
        }
        if (profile == null) throw KforgeException.badInput("the job names no profile", "add \"profile\": \"qemu-virt-arm64\"");
        if (accel != null && !List.of("auto", "kvm", "tcg").contains(accel)) {
            throw KforgeException.badInput("--accel " + accel + ": expected auto, kvm or tcg", null);
        }
        for (Integer t : new Integer[] {timeout, silenceTimeout, hangTimeout}) {
            if (t != null && t <= 0) throw KforgeException.badInput("timeouts must be positive", null);
        }
        if (rootWait != null && rootWait < 0) throw KforgeException.badInput("--root-wait " + rootWait + ": must be 0 or more", null);
        // QEMU virt takes up to 512 CPUs with GICv3, 8 with GICv2: QEMU itself names the limit it hits
        if (smp != null && (smp < 1 || smp > 512)) throw KforgeException.badInput("--smp " + smp + ": must be 1 to 512", null);
        if (waitForGdb && gdb == null) throw KforgeException.badInput("--wait holds the CPU for a debugger: give --gdb too", null);
        if (gdb != null && (gdb < 0 || gdb > 65535)) throw KforgeException.badInput("--gdb " + gdb + ": not a TCP port", null);
        if (initrd != null && noInitrd) throw KforgeException.badInput("--initrd and --no-initrd contradict each other", null);
        return this;
    }

    /** Reads a job file (JSON, or YAML for .yaml/.yml), its paths made absolute against its directory. */
    public static BootJob read(Path file) {
        if (!Files.isRegularFile(file)) throw KforgeException.badInput("--job " + file + ": no such file", null);
        String name = file.getFileName().toString();
        ObjectMapper m = name.endsWith(".yaml") || name.endsWith(".yml") ? Json.yaml() : Json.json();
        try {
            BootJob job = m.readValue(file.toFile(), BootJob.class);
            if (job == null) throw KforgeException.badInput("--job " + file + ": empty", null);
            return job.absolute(file.toAbsolutePath().getParent()).check();
        } catch (JsonProcessingException e) {
            throw KforgeException.badInput("--job " + file + ": " + oneLine(e), "see docs/job.md for the fields");
        } catch (IOException e) {
            throw KforgeException.badInput("--job " + file + ": " + e.getMessage(), null);
        }
    }

    private static String oneLine(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field \"" + u.getPropertyName() + "\" (known: " + u.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(java.util.stream.Collectors.joining(", ")) + ")";
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return e.getOriginalMessage().lines().findFirst().orElse("unreadable").replaceAll("\\s*\\(class [^)]*\\)", "") + where;
    }

    /** The job as its JSON document. */
    public String toJson() {
        return Json.write(this);
    }

    /** Writes {@code job.json} into a run directory (through a temporary file: never half-written). */
    public void writeInto(Path runDir) throws IOException {
        org.kforge.OutputFile.write(runDir.resolve(FILE), toJson() + "\n");
    }

    /** Builds or changes a job field by field (a record's copy with one field changed). */
    public static final class Builder {
        private int schemaVersion;
        private String profile;
        private String kernel;
        private String kernelTree;
        private String initrd;
        private boolean noInitrd;
        private String append;
        private String disk;
        private String rootfs;
        private List<String> modules;
        private String exec;
        private String run;
        private Integer sshPort;
        private String accel;
        private Integer timeout;
        private Integer silenceTimeout;
        private Integer hangTimeout;
        private Integer rootWait;
        private Integer smp;
        private Integer gdb;
        private boolean waitForGdb;
        private String dtb;
        private String xen;
        private String xenAppend;
        private List<String> machineOptions;
        private List<String> devices;
        private String passthrough;
        private boolean diskSnapshot;

        private Builder() {
            schemaVersion = SCHEMA_VERSION;
        }

        private Builder(BootJob j) {
            schemaVersion = j.schemaVersion;
            profile = j.profile;
            kernel = j.kernel;
            kernelTree = j.kernelTree;
            initrd = j.initrd;
            noInitrd = j.noInitrd;
            append = j.append;
            disk = j.disk;
            rootfs = j.rootfs;
            modules = j.modules;
            exec = j.exec;
            run = j.run;
            sshPort = j.sshPort;
            accel = j.accel;
            timeout = j.timeout;
            silenceTimeout = j.silenceTimeout;
            hangTimeout = j.hangTimeout;
            rootWait = j.rootWait;
            smp = j.smp;
            gdb = j.gdb;
            waitForGdb = j.waitForGdb;
            dtb = j.dtb;
            xen = j.xen;
            xenAppend = j.xenAppend;
            machineOptions = j.machineOptions;
            devices = j.devices;
            passthrough = j.passthrough;
            diskSnapshot = j.diskSnapshot;
        }

        public Builder profile(String x) {
            profile = x;
            return this;
        }

        public Builder kernel(String x) {
            kernel = x;
            return this;
        }

        public Builder kernelTree(String x) {
            kernelTree = x;
            return this;
        }

        public Builder initrd(String x) {
            initrd = x;
            return this;
        }

        public Builder noInitrd(boolean x) {
            noInitrd = x;
            return this;
        }

        public Builder append(String x) {
            append = x;
            return this;
        }

        public Builder disk(String x) {
            disk = x;
            return this;
        }

        public Builder rootfs(String x) {
            rootfs = x;
            return this;
        }

        public Builder modules(List<String> x) {
            modules = x;
            return this;
        }

        public Builder exec(String x) {
            exec = x;
            return this;
        }

        public Builder run(String x) {
            run = x;
            return this;
        }

        public Builder sshPort(Integer x) {
            sshPort = x;
            return this;
        }

        public Builder accel(String x) {
            accel = x;
            return this;
        }

        public Builder timeout(Integer x) {
            timeout = x;
            return this;
        }

        public Builder silenceTimeout(Integer x) {
            silenceTimeout = x;
            return this;
        }

        public Builder hangTimeout(Integer x) {
            hangTimeout = x;
            return this;
        }

        public Builder rootWait(Integer x) {
            rootWait = x;
            return this;
        }

        public Builder smp(Integer x) {
            smp = x;
            return this;
        }

        public Builder gdb(Integer x) {
            gdb = x;
            return this;
        }

        public Builder waitForGdb(boolean x) {
            waitForGdb = x;
            return this;
        }

        public Builder dtb(String x) {
            dtb = x;
            return this;
        }

        public Builder xen(String x) {
            xen = x;
            return this;
        }

        public Builder xenAppend(String x) {
            xenAppend = x;
            return this;
        }

        public Builder machineOptions(List<String> x) {
            machineOptions = x;
            return this;
        }

        public Builder devices(List<String> x) {
            devices = x;
            return this;
        }

        public Builder passthrough(String x) {
            passthrough = x;
            return this;
        }

        public Builder diskSnapshot(boolean x) {
            diskSnapshot = x;
            return this;
        }

        public BootJob build() {
            return new BootJob(schemaVersion, profile, kernel, kernelTree, initrd, noInitrd, append, disk, rootfs, modules, exec, run, sshPort, accel, timeout, silenceTimeout, hangTimeout, rootWait, gdb, waitForGdb, dtb, xen, xenAppend, machineOptions, devices, passthrough, diskSnapshot, smp);
        }
    }
}
