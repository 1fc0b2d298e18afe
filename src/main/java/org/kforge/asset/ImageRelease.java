package org.kforge.asset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.kforge.KforgeException;

/**
 * The release of a kernel image, read from the image itself: the {@code linux_banner} string
 * "Linux version RELEASE (" every kernel carries (init/version.c), in an Image or a gzip'd Image.gz.
 */
public final class ImageRelease {
    private static final byte[] MARK = "Linux version ".getBytes(StandardCharsets.US_ASCII);

    private ImageRelease() {
    }

    public static String of(Path image) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(image), 1 << 16)) {
            raw.mark(2);
            boolean gz = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            String r = scan(gz ? new GZIPInputStream(raw, 1 << 16) : raw);
            if (r != null) return r;
        } catch (IOException e) {
            throw KforgeException.badInput(image + ": unreadable (" + e.getMessage() + ")", null);
        }
        throw KforgeException.badInput(image + " holds no \"Linux version\" banner: not a Linux kernel image",
                "give the Image from arch/arm64/boot, or a Debian vmlinuz");
    }

    /** The first "Linux version X " followed by a release made of release characters. */
    private static String scan(InputStream in) throws IOException {
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == MARK[matched]) {
                if (++matched == MARK.length) {
                    StringBuilder rel = new StringBuilder();
                    int c;
                    while ((c = in.read()) > 0 && rel.length() < 64 && (Character.isLetterOrDigit(c) || "._+-~".indexOf(c) >= 0)) {
                        rel.append((char) c);
                    }
                    if (c == ' ' && rel.length() > 0 && Character.isDigit(rel.charAt(0))) return rel.toString();
                    matched = 0;
                }
            } else {
                matched = b == MARK[0] ? 1 : 0;
            }
        }
        return null;
    }
}
