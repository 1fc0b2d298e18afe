package org.kforge.bisect;

import java.util.List;

/**
 * One tested commit: its role (the bad end, the good end, step k, the culprit's parent), the mark it earned and
 * why, its build (seconds, the Image's SHA-256) and its boots. {@code exitCode} is that of the failure that
 * aborted the bisection at this step (0 otherwise).
 */
public record Step(String commit, String role, StepMark mark, String reason, double buildSeconds, String sha256,
                   List<KernelBooter.Boot> boots, int matched, boolean flaky, int exitCode) {
    public Step {
        boots = boots == null ? List.of() : List.copyOf(boots);
    }

    /** The same result under another role (a commit tested before, met again). */
    public Step as(String newRole) {
        return new Step(commit, newRole, mark, reason, buildSeconds, sha256, boots, matched, flaky, exitCode);
    }

    /** The log of the first boot that failed as {@code match} says, or else of the first boot; null without boots. */
    public java.nio.file.Path log(BootMatch match) {
        for (KernelBooter.Boot b : boots) if (match != null && match.matches(b)) return b.log();
        for (KernelBooter.Boot b : boots) if (b.booted()) return b.log();
        return boots.isEmpty() ? null : boots.get(0).log();
    }

    public String shortId() {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
