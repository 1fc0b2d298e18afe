package org.kforge.kconfig;

/** Kconfig's three-valued logic: n < m < y ({@code Documentation/kbuild/kconfig-language.rst}, "Menu dependencies"). */
public enum Tristate {
    N, M, Y;

    public Tristate and(Tristate o) {
        return values()[Math.min(ordinal(), o.ordinal())];
    }

    public Tristate or(Tristate o) {
        return values()[Math.max(ordinal(), o.ordinal())];
    }

    public Tristate not() {
        return values()[2 - ordinal()];
    }

    public boolean atLeast(Tristate o) {
        return ordinal() >= o.ordinal();
    }

    /** "y", "m" or "n"; anything else (a string, a number) is n as a tristate. */
    public static Tristate of(String value) {
        if (value == null) return N;
        return switch (value) {
            case "y" -> Y;
            case "m" -> M;
            default -> N;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
