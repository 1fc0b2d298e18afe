package org.kforge.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;

/**
 * A cpio "newc" archive, gzip'd or plain, the format the kernel unpacks into rootfs
 * (Documentation/driver-api/early-userspace/buffer-format.rst). Parent directories are added on demand.
 */
public final class CpioNewcWriter implements Closeable {
    private final CpioArchiveOutputStream cpio;
    private final Set<String> dirs = new HashSet<>();
    private long inode = 1;

    public CpioNewcWriter(OutputStream out) throws IOException {
        this(out, true);
    }

    /** Plain ({@code gzip} false) where the archive is read at once from a local file: no inflate to wait for. */
    public CpioNewcWriter(OutputStream out, boolean gzip) throws IOException {
        this.cpio = new CpioArchiveOutputStream(gzip ? new GZIPOutputStream(out, 1 << 16) : new java.io.BufferedOutputStream(out, 1 << 16),
                CpioConstants.FORMAT_NEW);
    }

    public void directory(String path) throws IOException {
        if (path.isEmpty() || dirs.contains(path)) return;
        parents(path);
        dirs.add(path);
        put(path, CpioConstants.C_ISDIR | 0755, new byte[0]);
    }

    public void file(String path, int mode, byte[] data) throws IOException {
        parents(path);
        put(path, CpioConstants.C_ISREG | mode, data);
    }

    public void symlink(String path, String target) throws IOException {
        parents(path);
        put(path, CpioConstants.C_ISLNK | 0777, target.getBytes(StandardCharsets.UTF_8));
    }

    private void parents(String path) throws IOException {
        int slash = path.lastIndexOf('/');
        if (slash > 0) directory(path.substring(0, slash));
    }

    private void put(String path, long mode, byte[] data) throws IOException {
        CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, path);
        e.setMode(mode);
        e.setInode(inode++);
        e.setNumberOfLinks((mode & CpioConstants.S_IFMT) == CpioConstants.C_ISDIR ? 2 : 1);
        e.setSize(data.length);
        e.setTime(0);
        cpio.putArchiveEntry(e);
        cpio.write(data);
        cpio.closeArchiveEntry();
    }

    @Override
    public void close() throws IOException {
        cpio.close();
    }
}
