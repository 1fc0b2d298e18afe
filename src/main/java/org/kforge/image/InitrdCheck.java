package org.kforge.image;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.kforge.KforgeException;

/**
 * Checks that a file is an initramfs the kernel can unpack before QEMU is started with it: a cpio
 * "newc" archive, plain or compressed (Documentation/driver-api/early-userspace/buffer-format.rst).
 * Plain and gzip'd archives are walked to their trailer; other compressions are recognised by magic.
 */
public final class InitrdCheck {
    private static final int MAX_NAME = 4096;

    private InitrdCheck() {
    }

    public static void verify(Path initrd) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(initrd))) {
            in.mark(8);
            byte[] head = in.readNBytes(6);
            in.reset();
            if (head.length < 6) throw corrupt(initrd, "it is " + head.length + " bytes long", 0);
            if ((head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                walk(new GZIPInputStream(in, 1 << 16), initrd, true);
            } else if (new String(head, StandardCharsets.US_ASCII).startsWith("07070")) {
                walk(in, initrd, false);
            } else if (!otherCompression(head)) {
                throw corrupt(initrd, "it starts with neither a cpio header nor a known compression magic", 0);
            }
        } catch (ZipException | EOFException e) {
            throw corrupt(initrd, "the gzip stream is damaged (" + e.getMessage() + ")", -1);
        } catch (IOException e) {
            throw KforgeException.badInput("cannot read initrd " + initrd + ": " + e.getMessage(), null);
        }
    }

    private static boolean otherCompression(byte[] h) {
        int b0 = h[0] & 0xff, b1 = h[1] & 0xff, b2 = h[2] & 0xff, b3 = h[3] & 0xff;
        return (b0 == 0xfd && b1 == '7' && b2 == 'z' && b3 == 'X')         // xz
                || (b0 == 0x28 && b1 == 0xb5 && b2 == 0x2f && b3 == 0xfd)   // zstd
                || (b0 == 0x02 && b1 == 0x21 && b2 == 0x4c && b3 == 0x18)   // lz4 legacy
                || (b0 == 'B' && b1 == 'Z' && b2 == 'h')                    // bzip2
                || (b0 == 0x5d && b1 == 0 && b2 == 0)                       // lzma
                || (b0 == 0x89 && b1 == 'L' && b2 == 'Z' && b3 == 'O');     // lzop
    }

    /** Walks newc headers up to TRAILER!!!; every field is checked before it is used. */
    private static void walk(InputStream in, Path file, boolean gz) throws IOException {
        long offset = 0;
        String where = gz ? " (in the uncompressed stream)" : "";
        while (true) {
            byte[] hdr = in.readNBytes(110);
            if (hdr.length < 110) throw corrupt(file, "the archive ends inside a header" + where, offset);
            String magic = new String(hdr, 0, 6, StandardCharsets.US_ASCII);
            if (!magic.equals("070701") && !magic.equals("070702")) {
                throw corrupt(file, "bad cpio magic '" + safe(magic) + "'" + where, offset);
            }
            long size = hex(hdr, 54, file, offset);
            long nameSize = hex(hdr, 94, file, offset);
            if (nameSize < 1 || nameSize > MAX_NAME) throw corrupt(file, "a name size of " + nameSize + where, offset);
            byte[] name = in.readNBytes((int) nameSize);
            if (name.length < nameSize) throw corrupt(file, "the archive ends inside a file name" + where, offset);
            long afterName = pad4(offset + 110 + nameSize);
            skip(in, afterName - (offset + 110 + nameSize), file, offset);
            String n = new String(name, 0, (int) nameSize - 1, StandardCharsets.UTF_8);
            if (n.equals("TRAILER!!!")) return;
            skip(in, size, file, afterName);
            long next = pad4(afterName + size);
            skip(in, next - (afterName + size), file, afterName);
            offset = next;
        }
    }

    private static long hex(byte[] hdr, int at, Path file, long offset) {
        String s = new String(hdr, at, 8, StandardCharsets.US_ASCII);
        try {
            return Long.parseLong(s, 16);
        } catch (NumberFormatException e) {
            throw corrupt(file, "a header field is not hex ('" + safe(s) + "')", offset + at);
        }
    }

    private static void skip(InputStream in, long n, Path file, long offset) throws IOException {
        long left = n;
        while (left > 0) {
            long k = in.skip(left);
            if (k <= 0) {
                if (in.read() < 0) throw corrupt(file, "the archive ends inside a file's data", offset);
                k = 1;
            }
            left -= k;
        }
    }

    private static long pad4(long v) {
        return (v + 3) & ~3L;
    }

    private static KforgeException corrupt(Path file, String what, long offset) {
        String at = offset >= 0 ? " at byte " + offset : "";
        return KforgeException.badInput("initrd " + file + " is not a valid initramfs: " + what + at,
                "rebuild it (or omit --initrd and kforge builds one)");
    }

    /** Bytes from a file, shown in an error without letting control characters reach the terminal. */
    private static String safe(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
