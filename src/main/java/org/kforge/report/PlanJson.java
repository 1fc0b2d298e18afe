package org.kforge.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kforge.Json;
import org.kforge.boot.BootJob;
import org.kforge.boot.BootPlan;
import org.kforge.qemu.QemuPlan;

/**
 * {@code kforge boot --dry-run --json}: the plan as data. The job asked for, the QEMU argv with the reason for
 * each option, the files the boot reads and the ones it writes in its run directory.
 */
public record PlanJson(int schema, BootJob job, String profile, Accel accel, String runDir, String workDir, String cmdline,
                       List<String> argv, List<Option> options, List<FileUse> reads, List<FileUse> writes,
                       Integer gdbPort, Integer sshPort, Timeouts timeouts) {
    public static final int SCHEMA = 1;

    public record Accel(String name, String reason) {
    }

    public record Option(List<String> words, String reason) {
    }

    /** A file and what it is to the boot ({@code kernel}, {@code initrd}, {@code console_log}, ...). */
    public record FileUse(String role, String path, String note) {
    }

    /** Seconds; null is off. */
    public record Timeouts(Long boot, Long silence, Long hang) {
    }

    public static PlanJson of(BootJob job, BootPlan plan) {
        QemuPlan q = plan.qemu();
        List<FileUse> reads = new ArrayList<>();
        reads.add(new FileUse("kernel", plan.kernel().toString(), plan.kernelProvenance()));
        if (plan.initramfs() == null && plan.initrd() != null) reads.add(new FileUse("initrd", plan.initrd().toString(), null));
        if (plan.initramfs() != null) {
            reads.add(new FileUse("busybox", plan.initramfs().busybox().toString(), "copied into the initramfs"));
            plan.initramfs().modules().forEach(m -> reads.add(new FileUse("module", m.toString(), "copied into the initramfs")));
        }
        add(reads, "disk", plan.job().disk(), plan.job().diskSnapshot() ? "snapshot=on: never written" : "the guest writes it");
        add(reads, "dtb", plan.job().dtb(), null);
        List<FileUse> writes = new ArrayList<>();
        Path dir = plan.runDir();
        writes.add(new FileUse("job", dir.resolve(BootJob.FILE).toString(), "this job, to boot again with --job"));
        if (plan.initramfs() != null) writes.add(new FileUse("initrd", plan.initrd().toString(), "built by kforge"));
        writes.add(new FileUse("console_log", dir.resolve("console.log").toString(), null));
        writes.add(new FileUse("result", dir.resolve("result.json").toString(), null));
        writes.add(new FileUse("session", dir.resolve("session.json").toString(), null));
        writes.add(new FileUse("qmp_socket", plan.qmpSocket().toString(), "removed when QEMU stops"));
        return new PlanJson(SCHEMA, job, plan.profile().name(), new Accel(plan.accel().name(), plan.accel().reason()),
                dir.toString(), q.workDir() == null ? null : q.workDir().toString(), plan.cmdline(), q.argv(),
                q.options().stream().map(o -> new Option(o.words(), o.reason())).toList(), reads, writes, plan.gdbPort(),
                plan.sshPort(), new Timeouts(seconds(plan.timeouts().boot()), seconds(plan.timeouts().silence()),
                seconds(plan.timeouts().hang())));
    }

    public static String render(BootJob job, BootPlan plan) {
        return Json.write(of(job, plan));
    }

    private static void add(List<FileUse> files, String role, String path, String note) {
        if (path != null) files.add(new FileUse(role, path, note));
    }

    private static Long seconds(java.time.Duration d) {
        return d == null ? null : d.toSeconds();
    }
}
