package org.kforge.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.kforge.asset.CacheDir;
import org.kforge.asset.DebianAssets;
import org.kforge.board.DeployPlan;
import org.kforge.board.Deployer;
import org.kforge.board.PowerSwitch;
import org.kforge.profile.BoardProfile;

/** What kforge deploy and a bisection's board trials both need: a Deployer for a live board, the initramfs's busybox. */
final class BoardDeploys {
    private BoardDeploys() {
    }

    /** A Deployer that logs in with kforge's key and switches the board's power as its profile says. */
    static Deployer deployer(BoardProfile live, CacheDir cache, Consumer<String> status, Consumer<String> echo) {
        return new Deployer(() -> BoardSsh.login(live, cache), new PowerSwitch(live.power(), live.name()), status, echo);
    }

    /** Debian's arm64 busybox for the initramfs a plan builds, or null when the plan builds none. */
    static Path busybox(DeployPlan plan, CacheDir cache, Consumer<String> status) {
        return plan.initramfs() == null ? null
                : new DebianAssets(cache, "arm64", status).tree("busybox-static", false, false).resolve("bin/busybox");
    }
}
