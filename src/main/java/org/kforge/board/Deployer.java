package org.kforge.board;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.kforge.KforgeException;
import org.kforge.console.ConsoleWatcher;
import org.kforge.console.RuleBook;
import org.kforge.console.Verdict;
import org.kforge.console.VerdictBuilder;
import org.kforge.image.Depmod;
import org.kforge.image.KernelInitramfs;
import org.kforge.profile.BoardProfile;

/**
 * Runs a {@link DeployPlan} on a board: copies the new kernel into its slot and its modules into place (new
 * names only), writes tryboot.txt, reboots once into it and judges the boot on the console. A good boot is
 * promoted into config.txt; a bad one is power-cycled back to config.txt's kernel, untouched. At every point
 * the board still boots its old kernel: config.txt changes only after a good trial, and then by one rename.
 */
public final class Deployer {
    private static final Duration FALLBACK_WAIT = Duration.ofMinutes(4);
    /** A reboot without the tryboot flag: the firmware reads config.txt. */
    private static final String PLAIN_REBOOT = "reboot";
    private final TrialWatch.Login login;
    private final PowerSwitch power;
    private final Consumer<String> status;
    private final Consumer<String> echo;

    public Deployer(TrialWatch.Login login, PowerSwitch power, Consumer<String> status, Consumer<String> echo) {
        this.login = login;
        this.power = power;
        this.status = status;
        this.echo = echo;
    }

    /** kforge deploy: the trial, then a good kernel promoted into config.txt, a bad one fallen back from. */
    public DeployResult run(DeployPlan plan, Path busybox, Path runDir, TrialWatch.Limits limits) throws IOException, InterruptedException {
        return run(plan, busybox, runDir, limits, true);
    }

    /**
     * A trial that leaves the board as it was (a bisection's step): good or bad, the board goes back to config.txt's
     * kernel (a plain reboot after a good trial, a power cycle after a bad one), and the slot, and modules this trial
     * put on the board, are removed again, so many trials do not fill the boot partition.
     */
    public DeployResult trial(DeployPlan plan, Path busybox, Path runDir, TrialWatch.Limits limits) throws IOException, InterruptedException {
        return run(plan, busybox, runDir, limits, false);
    }

    private DeployResult run(DeployPlan plan, Path busybox, Path runDir, TrialWatch.Limits limits, boolean keep)
            throws IOException, InterruptedException {
        BoardProfile b = plan.board();
        BoardProfile.Firmware f = b.firmware();
        String config = f.partition() + "/" + f.config();
        String oldRelease;
        String shaBefore;
        String marker = "kforge.slot=" + plan.slot();
        boolean slotIsNew;
        boolean modulesAreNew;
        try (SshTarget ssh = connect()) {
            BoardFiles files = new BoardFiles(ssh);
            oldRelease = ssh.output("uname -r", Duration.ofSeconds(20)).strip();
            String configText = files.read(config);
            if (configText == null) {
                throw KforgeException.badInput(b.name() + " has no " + config + " (an older layout keeps it in /boot)",
                        "--boot-partition /boot, or firmware: partition: in the board file");
            }
            shaBefore = files.sha256(config);
            status.accept("board runs " + oldRelease + "; " + config + " sha256 " + shaBefore.substring(0, 16));
            PiFirmware.Choice now = PiFirmware.select(name -> readOrNull(files, f.partition() + "/" + name),
                    name -> existsOrNot(files, f.partition() + "/" + name), false, f.kernel());
            String cmdline = cmdline(now.cmdline(), plan);
            prepareLocal(plan, busybox);
            if (!keep && configText.contains(plan.slot())) {
                // the trial would be config.txt's own kernel: nothing to tell apart after it, nothing to remove
                throw KforgeException.badInput(b.name() + "'s " + f.config() + " boots this very kernel already (" + plan.slot() + ")",
                        "a trial needs a kernel the board does not boot by default");
            }
            slotIsNew = !files.exists(plan.slotDir());
            modulesAreNew = copy(plan, files, ssh, oldRelease, cmdline);
            files.putText(FirmwareBlock.compose(configText, plan.block()), f.partition() + "/" + f.tryboot());
            status.accept("wrote " + f.partition() + "/" + f.tryboot() + "; " + config + " untouched; trial reboot: " + f.trybootReboot());
        }
        Path log = runDir.resolve("console.log");
        Map<String, String> facts = facts(b, plan);
        TrialWatch watch = new TrialWatch(new ConsoleWatcher(RuleBook.builtIn(), facts), echo);
        try (OutputStream raw = Files.newOutputStream(log)) {
            ConsoleFeed feed = new ConsoleFeed(raw, watch::line);
            try (ConsoleReader reader = ConsoleReader.open(b.console(), feed)) {
                reboot(f.trybootReboot());
                watch.watch(feed, reader, login, plan.release(), marker, String.valueOf(b.sshAddress()), limits);
                List<org.kforge.console.Event> events = watch.watcher().events();
                Verdict v = VerdictBuilder.decide(events);
                if (v.booted() && keep) {
                    promote(plan);
                    return new DeployResult(events, v, plan.release(), oldRelease, true, null, shaBefore, null, log);
                }
                String back;
                if (v.booted()) {
                    status.accept("good trial; back to " + f.config() + "'s kernel: " + PLAIN_REBOOT);
                    reboot(PLAIN_REBOOT);
                    back = waitForAnotherKernel(marker);
                    if (back == null) {
                        status.accept("the trial kernel did not reboot into " + f.config() + "'s");
                        back = fallBack(marker);
                    }
                } else {
                    back = fallBack(marker);
                }
                String shaAfter = null;
                if (back != null) {
                    try (SshTarget ssh = connect()) {
                        BoardFiles files = new BoardFiles(ssh);
                        if (!keep) removeTrial(plan, files, slotIsNew, modulesAreNew);
                        shaAfter = files.sha256(config);
                    }
                }
                return new DeployResult(events, v, plan.release(), oldRelease, false, back, shaBefore, shaAfter, log);
            }
        }
    }

    /** The board's command line now, without an earlier slot marker, with the user's words and this slot's marker. */
    private static String cmdline(String current, DeployPlan plan) {
        StringBuilder b = new StringBuilder();
        for (String w : current.strip().split("\\s+")) if (!w.isEmpty() && !w.startsWith("kforge.slot=")) b.append(w).append(' ');
        for (String w : plan.appendWords()) b.append(w).append(' ');
        return b.append("kforge.slot=").append(plan.slot()).toString();
    }

    private static byte[] readOrNull(BoardFiles files, String path) {
        try {
            String s = files.read(path);
            return s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean existsOrNot(BoardFiles files, String path) {
        try {
            return files.exists(path);
        } catch (IOException e) {
            return false;
        }
    }

    /** What is made here before anything goes to the board: the module index, the initramfs. */
    private void prepareLocal(DeployPlan plan, Path busybox) {
        if (plan.modules() != null) {
            Path tree = plan.modules().from();
            Depmod.ensure(tree.getParent().getParent().getParent(), plan.release());
        }
        if (plan.initramfs() != null) {
            status.accept("initramfs: busybox + " + String.join(", ", plan.initramfs().modules()));
            KernelInitramfs.write(busybox, plan.modules().from().getParent(), plan.release(), plan.initramfs().modules(),
                    plan.initramfs().to());
        }
    }

    /**
     * Copies the slot and the modules; true when the modules went to a directory the board did not have (a trial
     * removes only that: modules it replaced in another release's directory cannot be given back).
     */
    private boolean copy(DeployPlan plan, BoardFiles files, SshTarget ssh, String running, String cmdline) throws IOException {
        files.mkdirs(plan.slotDir());
        for (DeployPlan.Copy c : plan.copies()) put(files, c.from(), c.to());
        if (plan.initramfs() != null) put(files, plan.initramfs().to(), plan.slotDir() + "/" + DeployPlanner.INITRAMFS);
        files.putText(cmdline + "\n", plan.slotDir() + "/cmdline.txt");
        if (plan.modules() == null) return false;
        String local = ModuleShipper.manifest(plan.modules().from());
        String remote = ModuleShipper.remoteManifest(ssh, plan.modules().to());
        if (remote != null && lines(remote).equals(lines(local))) {
            status.accept("modules: " + plan.modules().to() + " is on the board already, the same files and sizes");
            return false;
        }
        if (remote != null && plan.release().equals(running)) {
            throw KforgeException.badInput("the board runs " + running + " and its modules differ from the new kernel's of the same release:"
                    + " replacing them would change the running kernel's files",
                    "give the new kernel its own release (CONFIG_LOCALVERSION, or make LOCALVERSION=-try1)");
        }
        long total = plan.modules().bytes();
        ModuleShipper.ship(ssh, plan.modules().from(), plan.modules().to(), every32MiB(n ->
                status.accept(String.format("modules -> %s: %d of %d MiB", plan.modules().to(), n >> 20, total >> 20))));
        return remote == null;
    }

    /**
     * After a trial that is not kept: what the trial made on the board (its slot, a module directory the board did
     * not have) is removed; what was there before stays. A removal that fails is said, and the verdict stands.
     */
    private void removeTrial(DeployPlan plan, BoardFiles files, boolean slotIsNew, boolean modulesAreNew) {
        List<String> made = new java.util.ArrayList<>();
        if (slotIsNew) made.add(plan.slotDir());
        if (modulesAreNew) made.add(plan.modules().to());
        for (String dir : made) {
            try {
                files.removeTree(dir);
                status.accept("removed " + dir + " from the board (the trial made it)");
            } catch (IOException e) {
                status.accept("could not remove " + dir + " from the board: " + e.getMessage() + "; remove it by hand");
            }
        }
    }

    private void put(BoardFiles files, Path from, String to) throws IOException {
        long size = Files.size(from);
        if (files.size(to) == size) {
            status.accept(to + ": there already (" + size + " bytes)");
            return;
        }
        files.put(from, to, every32MiB(n -> status.accept(String.format("%s: %d of %d MiB", to, n >> 20, size >> 20))));
    }

    /** A progress line per 32 MiB copied, not per buffer. */
    private static java.util.function.LongConsumer every32MiB(java.util.function.LongConsumer show) {
        long[] shown = {-1};
        return n -> {
            if (n >> 25 != shown[0]) {
                shown[0] = n >> 25;
                show.accept(n);
            }
        };
    }

    private static TreeSet<String> lines(String manifest) {
        return new TreeSet<>(manifest.lines().filter(l -> !l.isBlank()).toList());
    }

    private void reboot(String command) throws IOException {
        try (SshTarget ssh = connect()) {
            ssh.exec("sync; " + command, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), Duration.ofSeconds(15));
        } catch (IOException goingDown) {
            // the connection drops as the board goes down
        }
    }

    /** config.txt gets the slot's lines; the one it replaces stays beside it for --rollback. */
    private void promote(DeployPlan plan) throws IOException {
        BoardProfile.Firmware f = plan.board().firmware();
        String config = f.partition() + "/" + f.config();
        try (SshTarget ssh = connect()) {
            BoardFiles files = new BoardFiles(ssh);
            String now = files.read(config);
            files.copy(config, config + ".kforge-previous");
            files.putText(FirmwareBlock.compose(now, plan.block()), config);
        }
        status.accept("promoted: " + config + " now boots " + plan.slot());
    }

    /** Power cycle (the firmware then reads config.txt), then wait for ssh on a kernel that is not the trial. */
    private String fallBack(String marker) throws InterruptedException {
        if (power.canSwitch()) {
            status.accept("power cycle: " + power.apply("cycle"));
        } else {
            status.accept("no power switch in the board's profile: power-cycle the board by hand; it boots config.txt's kernel again");
        }
        return waitForAnotherKernel(marker);
    }

    /** The release of the kernel the board runs once ssh answers on one without the trial's marker; null after the wait. */
    private String waitForAnotherKernel(String marker) throws InterruptedException {
        long end = System.nanoTime() + FALLBACK_WAIT.toNanos();
        Thread.sleep(3000);
        while (System.nanoTime() < end) {
            try (SshTarget ssh = login.open()) {
                String running = ssh.output("uname -r", Duration.ofSeconds(20)).strip();
                String cmdline = ssh.output("cat /proc/cmdline", Duration.ofSeconds(20));
                if (!List.of(cmdline.strip().split("\\s+")).contains(marker)) return running;
            } catch (IOException | RuntimeException notYet) {
                Thread.sleep(1000);
            }
        }
        return null;
    }

    /** Rolls config.txt back to the one before the last promotion and reboots into it; returns the release then running. */
    public String rollback(BoardProfile b) throws IOException, InterruptedException {
        BoardProfile.Firmware f = b.firmware();
        String config = f.partition() + "/" + f.config();
        try (SshTarget ssh = connect()) {
            BoardFiles files = new BoardFiles(ssh);
            String previous = files.read(config + ".kforge-previous");
            if (previous == null) {
                throw KforgeException.badInput(b.name() + " has no " + config + ".kforge-previous: nothing was promoted by kforge deploy", null);
            }
            String now = files.read(config);
            files.putText(now, config + ".kforge-rolled-back");
            files.copy(config + ".kforge-previous", config);
            status.accept(config + " restored from " + config + ".kforge-previous (the promoted one kept as .kforge-rolled-back)");
        }
        reboot(PLAIN_REBOOT);
        long end = System.nanoTime() + FALLBACK_WAIT.toNanos();
        Thread.sleep(5000);
        while (System.nanoTime() < end) {
            try (SshTarget ssh = login.open()) {
                return ssh.output("uname -r", Duration.ofSeconds(20)).strip();
            } catch (IOException | RuntimeException notYet) {
                Thread.sleep(1000);
            }
        }
        throw new KforgeException(1, b.name() + " did not come back over ssh after the rollback reboot", "kforge console --board " + b.name());
    }

    private SshTarget connect() throws IOException {
        return login.open();
    }

    private static Map<String, String> facts(BoardProfile b, DeployPlan plan) {
        Map<String, String> f = new HashMap<>();
        f.put("console", b.console().device());
        if (b.console().uart() != null) f.put("uart", b.console().uart());
        if (b.console().earlycon() != null) f.put("earlycon", b.console().earlycon());
        if (b.root() != null && b.root().device() != null) f.put("rootDevice", b.root().device());
        f.put("profile", b.name());
        for (String w : plan.appendWords()) {
            if (w.startsWith("root=")) f.put("rootArg", w.substring(5));
            if (w.startsWith("console=")) f.put("cmdlineConsole", w.substring(8));
        }
        return f;
    }
}
