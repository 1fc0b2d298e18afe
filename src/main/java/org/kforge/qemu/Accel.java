package org.kforge.qemu;

/** The accelerator a twin runs under and why, said out loud before the boot. */
public record Accel(String name, String reason) {

    public boolean isKvm() {
        return name.equals("kvm");
    }

    /** KVM only when the guest's architecture is the host's and /dev/kvm can be opened; TCG otherwise. */
    public static Accel choose(String guestArch, HostFacts host, String forced) {
        if ("tcg".equals(forced)) return new Accel("tcg", "TCG because --accel tcg was given");
        if ("kvm".equals(forced)) return new Accel("kvm", "KVM because --accel kvm was given");
        if (!guestArch.equals(host.arch())) {
            return new Accel("tcg", "TCG: the host is " + host.arch() + " and the guest " + guestArch
                    + "; KVM runs only guests of the host's own architecture (expect a slower boot)");
        }
        if (!host.kvmUsable()) {
            return new Accel("tcg", "TCG: " + host.kvmProblem());
        }
        return new Accel("kvm", "KVM: the guest is " + guestArch + " like the host and /dev/kvm can be opened");
    }
}
