package org.kforge;

/**
 * Every bound on what kforge reads from a file, a capture, a log or a target, in one place. Input beyond a
 * bound is refused with one line (exit 2), or read up to the bound and said so; none is a guess at what
 * real input needs: each is far above the largest real case, named beside it, and small enough that
 * kforge stays inside {@code -Xmx256m} and finishes in seconds.
 */
public final class Limits {
    /** A file read whole (a .config, a Kconfig file, a DTB, a config space, pci.ids): pci.ids is 1.4 MB, a DTB under 1 MB. */
    public static final long FILE_BYTES = 64L << 20;
    /** What a gzip file may expand to (/proc/config.gz is 30 KB packed, 300 KB unpacked). */
    public static final long GUNZIP_BYTES = 64L << 20;
    /** A console log streamed line by line (doctor): a week of serial console is a few hundred MB. */
    public static final long LOG_BYTES = 1L << 30;
    /** Lines compare aligns of each log. */
    public static final int COMPARE_LINES = 200_000;
    /** How much of a log is looked at to tell text from binary: over 30% NUL, control or non-UTF-8 bytes is no log. */
    public static final long TEXT_PROBE_BYTES = 1L << 20;
    /** What compare holds of each log in memory (both logs, normalised, and the diff). */
    public static final long COMPARE_BYTES = 24L << 20;
    /** A line longer than this is cut into pieces of this length (binary garbage, not a console line). */
    public static final int LINE_CHARS = 16 * 1024;
    /** A snapshot capture (collector output or console log holding one): a PCI host snapshot is 1-2 MB. */
    public static final long CAPTURE_BYTES = 256L << 20;
    /** Files and directories one unpacked snapshot may hold, and their bytes in all. */
    public static final int UNPACK_ENTRIES = 100_000;
    public static final long UNPACK_BYTES = 128L << 20;
    /** Links followed in one path, as the kernel's MAXSYMLINKS (include/linux/namei.h). */
    public static final int LINK_HOPS = 40;
    /** A name's longest component and whole length, in bytes, as Linux allows them (NAME_MAX; PATH_MAX less room for the directory). */
    public static final int NAME_BYTES = 255;
    public static final int ENTRY_PATH_BYTES = 2048;
    /** Nodes nested in a DTB; libfdt's own FDT_MAX_DEPTH is 32. */
    public static final int DTB_DEPTH = 64;
    /** Kconfig files open at once through {@code source} (Linux nests about 6 deep). */
    public static final int SOURCE_DEPTH = 64;
    /** Nesting of a Kconfig expression: brackets and '!' (Linux's deepest is under 10). */
    public static final int EXPR_DEPTH = 200;
    /** Tokens in one Kconfig expression (Linux's longest 'depends on' has under 100). */
    public static final int EXPR_TOKENS = 1000;
    /** if/menu/choice blocks open at once in a Kconfig tree (Linux nests under 10). */
    public static final int BLOCK_NESTING = 200;
    /** Characters one Kconfig macro expansion may produce (Linux's longest is under 1 KB). */
    public static final int EXPANSION_CHARS = 64 * 1024;

    private Limits() {
    }

    /** A size in words: "64 MB". */
    public static String size(long bytes) {
        if (bytes >= 1L << 30) return (bytes >> 30) + " GB";
        if (bytes >= 1L << 20) return (bytes >> 20) + " MB";
        if (bytes >= 1L << 10) return (bytes >> 10) + " KB";
        return bytes + " bytes";
    }
}
