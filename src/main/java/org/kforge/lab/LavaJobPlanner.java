package org.kforge.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kforge.KforgeException;
import org.kforge.boot.BootPlan;
import org.kforge.profile.BoardProfile;
import org.kforge.qemu.QemuPlan;

/**
 * kforge's boot as a LAVA job. The twin is LAVA's {@code qemu} device type: its kernel and initramfs deployed to
 * tmpfs, booted by the {@code qemu} method with the machine, CPU, memory and every other option of kforge's
 * QEMU plan in the job's context (qemu.jinja2 puts them on QEMU's command line). A Raspberry Pi 4 / CM4 is
 * LAVA's {@code bcm2711-rpi-4-b} device type: kernel, initramfs and DTB over TFTP, booted by U-Boot.
 * The boot action's timeout is the boot's (the profile's 120 s unless --timeout).
 */
public final class LavaJobPlanner {
    /** What the boot waits for: kforge's initramfs's ready marker, or a login prompt of a root filesystem. */
    static final List<String> PROMPTS = List.of("kforge-init: ready", "login:");
    static final Duration DEPLOY = Duration.ofMinutes(2);
    /** kforge's options LAVA gives itself: the console (-nographic), no monitor, no QMP (LAVA drives QEMU), its own NIC. */
    private static final Set<String> LAVA_OWNS = Set.of("-display", "-serial", "-monitor", "-qmp", "-nic");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private LavaJobPlanner() {
    }

    /** The twin boot of {@code plan} as a job for LAVA's {@code qemu} device type. */
    public static LavaJob twin(BootPlan plan) {
        if (plan.profile().hypervisor() != null) {
            throw KforgeException.badInput("profile " + plan.profile().name() + ": LAVA's qemu device type boots one kernel, not "
                    + plan.profile().hypervisor().name() + " and dom0", "kforge lab job --profile qemu-virt-arm64");
        }
        if (plan.gdbPort() != null || plan.sshPort() != null) {
            throw KforgeException.badInput("--gdb and --rootfs/--ssh-port need kforge's own QEMU: LAVA owns the twin's ports", "leave them out of a lab job");
        }
        ObjectNode context = F.objectNode();
        context.put("arch", "arm64");
        ObjectNode images = F.objectNode();
        ArrayNode extra = F.arrayNode();
        String append = null;
        for (QemuPlan.Option o : plan.qemu().options()) {
            List<String> w = o.words();
            switch (w.get(0)) {
                case "-machine" -> context.put("machine", w.get(1));
                case "-cpu" -> context.put("cpu", w.get(1));
                case "-m" -> context.put("memory", Integer.parseInt(w.get(1)));
                case "-kernel" -> images.set("kernel", image(plan.kernel(), "-kernel {kernel}"));
                case "-initrd" -> images.set("initrd", image(plan.initrd(), "-initrd {initrd}"));
                case "-append" -> append = w.get(1);
                default -> {
                    if (!LAVA_OWNS.contains(w.get(0))) extra.add(org.kforge.ShellWords.line(w));
                }
            }
        }
        if (append != null) {
            ObjectNode kernel = (ObjectNode) images.get("kernel");
            kernel.put("image_arg", kernel.get("image_arg").asText() + " -append " + org.kforge.ShellWords.quote(append));
        }
        // qemu.jinja2 always adds a virtio NIC (-net nic,model=virtio): without ipxe-qemu its option ROM is missing
        extra.add("-global virtio-net-pci.romfile=");
        context.set("extra_options", extra);

        ObjectNode deploy = action(DEPLOY, "to", "tmpfs");
        deploy.set("images", images);
        Duration bootTime = bootTime(plan);
        ObjectNode boot = action(bootTime, "method", "qemu");
        boot.put("media", "tmpfs");
        List<String> comments = List.of("kforge lab job: the boot of kforge boot on " + plan.profile().name() + " as a LAVA job (device type qemu)",
                "kernel command line: " + plan.cmdline(), "QEMU options from kforge's plan are in context (qemu.jinja2 adds -nographic and a NIC)");
        return new LavaJob(comments, job("kforge boot on " + plan.profile().name(), "qemu", context, deploy, boot, bootTime));
    }

    /**
     * The same kernel and initramfs on a Raspberry Pi 4 / CM4 as a job for LAVA's {@code bcm2711-rpi-4-b} device type:
     * the board's console, its earlycon and the job's words on the command line, the board's DTB.
     */
    public static LavaJob board(BoardProfile board, BootPlan plan, Path dtb) {
        if (board.firmware() == null || board.firmware().dtb() == null || !board.firmware().dtb().startsWith("bcm2711")) {
            throw KforgeException.badInput("board " + board.name() + " is not a BCM2711 board (LAVA's bcm2711-rpi-4-b device type)",
                    "--board rpi4 or --board rpi-cm4; for the twin leave --board out");
        }
        ObjectNode context = F.objectNode();
        context.put("console_device", board.console().device());
        List<String> args = new ArrayList<>();
        if (board.console().earlycon() != null) args.add("earlycon=" + board.console().earlycon());
        args.add("panic=-1");
        if (plan.job().append() != null && !plan.job().append().isBlank()) args.add(plan.job().append().strip());
        context.put("extra_kernel_args", String.join(" ", args));

        ObjectNode deploy = action(DEPLOY, "to", "tftp");
        ObjectNode kernel = image(plan.kernel(), null);
        kernel.put("type", "image");
        deploy.set("kernel", kernel);
        if (plan.initrd() == null) {
            throw KforgeException.badInput("--no-initrd: the board's LAVA job boots U-Boot's ramdisk command, which needs an initramfs",
                    "leave --no-initrd out (kforge builds one), or give --initrd FILE");
        }
        deploy.set("ramdisk", image(plan.initrd(), null));
        deploy.set("dtb", image(dtb, null));
        Duration bootTime = bootTime(plan);
        ObjectNode boot = action(bootTime, "method", "u-boot");
        boot.put("commands", "ramdisk");
        List<String> comments = List.of("kforge lab job: the boot of kforge boot on board " + board.name() + " as a LAVA job (device type bcm2711-rpi-4-b)",
                "U-Boot's bootargs: console=" + board.console().device() + " (the board's), then " + String.join(" ", args),
                "DTB: " + dtb.getFileName() + " (what the board's firmware loads)");
        return new LavaJob(comments, job("kforge boot on " + board.name(), "bcm2711-rpi-4-b", context, deploy, boot, bootTime));
    }

    private static Duration bootTime(BootPlan plan) {
        return plan.timeouts().boot() == null ? Duration.ofSeconds(120) : plan.timeouts().boot();
    }

    private static ObjectNode job(String name, String deviceType, ObjectNode context, ObjectNode deploy, ObjectNode boot, Duration bootTime) {
        ObjectNode job = F.objectNode();
        job.put("job_name", name);
        job.put("device_type", deviceType);
        job.put("visibility", "public");
        job.put("priority", "medium");
        ObjectNode timeouts = F.objectNode();
        // the whole job: deploy, boot, and a minute for LAVA's own finalize
        timeouts.set("job", LavaTimeouts.of(DEPLOY.plus(bootTime).plusMinutes(1)));
        timeouts.set("action", LavaTimeouts.of(DEPLOY.compareTo(bootTime) > 0 ? DEPLOY : bootTime));
        timeouts.set("connection", LavaTimeouts.of(Duration.ofMinutes(1)));
        job.set("timeouts", timeouts);
        job.set("context", context);
        ArrayNode prompts = boot.putArray("prompts");
        PROMPTS.forEach(prompts::add);
        ArrayNode actions = job.putArray("actions");
        actions.addObject().set("deploy", deploy);
        actions.addObject().set("boot", boot);
        return job;
    }

    /** An action with its timeout and the key that names its kind (deploy: to, boot: method). */
    private static ObjectNode action(Duration timeout, String key, String value) {
        ObjectNode a = F.objectNode();
        a.set("timeout", LavaTimeouts.of(timeout));
        a.put(key, value);
        return a;
    }

    private static ObjectNode image(Path file, String arg) {
        ObjectNode n = F.objectNode();
        if (arg != null) n.put("image_arg", arg);
        n.put("url", file.toAbsolutePath().normalize().toUri().toString());
        return n;
    }
}
