package org.kforge.bisect;

import java.util.Locale;

/**
 * The failure that makes a step bad: by default the bad end's verdict outcome ({@code panic}); with
 * {@code --match}, a verdict outcome or words of the verdict's title. A boot that fails otherwise is
 * not this failure, so it never makes a step bad (syzkaller's bisections blamed unrelated crashes).
 */
public record BootMatch(String text, boolean given) {

    public static BootMatch of(String match) {
        if (match == null || match.isBlank()) throw new IllegalArgumentException("an empty --match");
        return new BootMatch(match.strip(), true);
    }

    /** The bad end's failure, as the default match. */
    public static BootMatch outcomeOf(KernelBooter.Boot bad) {
        return new BootMatch(bad.outcome(), false);
    }

    public boolean matches(KernelBooter.Boot boot) {
        if (boot.booted()) return false;
        if (text.equals(boot.outcome())) return true;
        return given && boot.title() != null && boot.title().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
