package org.kforge.lab;

import org.kforge.console.Diagnosis;

/**
 * kforge's verdict on the console LAVA read, next to LAVA's own result, with the lab kept apart from the kernel:
 * a failure before the device started (a download, QEMU missing) is the lab's ({@code infrastructure}, exit 3);
 * once the device spoke, kforge's verdict on its console says whether the kernel failed (exit 1), whatever label
 * LAVA put on it (a kernel that powers off without a root is "Infrastructure: Connection closed" to LAVA); a
 * kernel that booted in a job LAVA failed is the lab's failure again. {@code report.LabVerdictReport} prints it.
 */
public record LabVerdict(Kind kind, Diagnosis kforge, LavaResult lava) {
    public enum Kind { BOOTED, TARGET_FAILED, INFRASTRUCTURE }

    public static LabVerdict of(Diagnosis d, LavaResult lava, boolean deviceStarted) {
        if (!deviceStarted && !lava.passed()) return new LabVerdict(Kind.INFRASTRUCTURE, d, lava);
        if (!d.verdict().booted()) return new LabVerdict(Kind.TARGET_FAILED, d, lava);
        return new LabVerdict(lava.passed() ? Kind.BOOTED : Kind.INFRASTRUCTURE, d, lava);
    }

    public int exitCode(boolean strict) {
        return switch (kind) {
            case BOOTED -> kforge.exitCode(strict);
            case TARGET_FAILED -> 1;
            case INFRASTRUCTURE -> 3;
        };
    }
}
