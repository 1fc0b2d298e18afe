package org.kforge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opening and reading a file that came from a user, a capture or a target, within {@link Limits}: a missing
 * file, a directory or a device (/dev/zero never ends) is one line and exit 2, never an exception or a hang.
 */
public final class InputFile {
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    private InputFile() {
    }

    /** Opens {@code p}; {@code what} names it in the one-line error ("the config", "console log"). */
    public static InputStream open(Path p, String what) {
        check(p, what);
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw unreadable(p, what, e);
        }
    }

    /** A regular file or a pipe, and readable: anything else is one line naming it. */
    public static void check(Path p, String what) {
        if (!Files.exists(p)) throw KforgeException.badInput(what + " " + p + ": no such file", "check the path");
        if (Files.isDirectory(p)) throw KforgeException.badInput(what + " " + p + " is a directory", "give a file");
        if (!Files.isRegularFile(p) && !isPipe(p)) {
            throw KforgeException.badInput(what + " " + p + " is a device, not a file: it may never end",
                    "save what it gives to a file first, and give that file");
        }
        if (!Files.isReadable(p)) throw KforgeException.badInput("cannot read " + what + " " + p + ": permission denied", "check its permissions");
    }

    /** The whole file, at most {@code max} bytes; a larger one is refused. */
    public static byte[] read(Path p, long max, String what) {
        try (InputStream in = open(p, what)) {
            return read(in, max, what + " " + p);
        } catch (IOException e) {
            throw unreadable(p, what, e);
        }
    }

    /** The whole file, gunzipped when it starts with gzip's magic bytes (a /proc/config.gz capture). */
    public static byte[] readMaybeGzip(Path p, String what) {
        byte[] bytes = read(p, Limits.FILE_BYTES, what);
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) return bytes;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return read(in, Limits.GUNZIP_BYTES, what + " " + p + " (unpacked)");
        } catch (IOException e) {
            throw KforgeException.badInput(what + " " + p + " is not a valid gzip file: " + e.getMessage(), "give it unpacked");
        }
    }

    /** At most {@code max} bytes of a stream; more is refused with one line naming {@code what}. */
    public static byte[] read(InputStream in, long max, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > max) throw tooLarge(what, max);
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    public static KforgeException tooLarge(String what, long max) {
        return KforgeException.badInput(what + " is larger than " + Limits.size(max) + ", the most kforge reads of it",
                "is this the right file? give the file itself, not a device or an endless stream");
    }

    private static KforgeException unreadable(Path p, String what, IOException e) {
        if (e instanceof NoSuchFileException) return KforgeException.badInput(what + " " + p + ": no such file", "check the path");
        if (e instanceof AccessDeniedException) return KforgeException.badInput("cannot read " + what + " " + p + ": permission denied", "check its permissions");
        return KforgeException.badInput("cannot read " + what + " " + p + ": " + e.getMessage(), null);
    }

    private static boolean isPipe(Path p) {
        try {
            return ((Integer) Files.getAttribute(p, "unix:mode") & S_IFMT) == S_IFIFO;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
