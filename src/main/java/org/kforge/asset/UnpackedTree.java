package org.kforge.asset;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.kforge.KforgeException;
import org.kforge.Limits;
import org.kforge.TerminalText;

/**
 * The one way kforge writes files whose names come from a target (a board's collector over SSH, a
 * captured console log): entry names are normalised, an absolute name or a ".." is refused, nothing is
 * written through a link, and a link must resolve inside the tree. Everything goes into a fresh directory
 * next to the destination and is moved into place only when complete; on failure nothing is left.
 */
public final class UnpackedTree implements AutoCloseable {
    private final Path dest;
    private final Path stage;
    private final String where;
    private final Path madeParent;
    private final List<String> links = new ArrayList<>();
    private int entries;
    private long bytes;
    private boolean committed;

    private UnpackedTree(Path dest, Path stage, String where, Path madeParent) {
        this.dest = dest;
        this.stage = stage;
        this.where = where;
        this.madeParent = madeParent;
    }

    /** Starts unpacking into {@code dest}, which must not exist or be an empty directory; {@code where} names the source. */
    public static UnpackedTree begin(Path dest, String where) {
        Path abs = dest.toAbsolutePath().normalize();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(abs)) {
            throw KforgeException.badInput(dest + " already exists and is not an empty directory", "give a new directory");
        }
        Path parent = abs.getParent();
        Path made = null;
        for (Path p = parent; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) made = p;
        try {
            Files.createDirectories(parent);
            return new UnpackedTree(abs, Files.createTempDirectory(parent, "." + abs.getFileName() + ".kforge-"), where, made);
        } catch (IOException e) {
            throw KforgeException.badInput("cannot write into " + parent + ": " + e.getMessage(), "give a directory you can write");
        }
    }

    public void directory(String name) throws IOException {
        List<String> parts = parts(name);
        if (parts.isEmpty()) return;
        Path p = parentOf(parts, name).resolve(parts.get(parts.size() - 1));
        if (Files.isSymbolicLink(p)) throw refused(name, "is already a link");
        if (!Files.isDirectory(p)) {
            count(name, 0);
            Files.createDirectory(p);
        }
    }

    public void file(String name, byte[] content) throws IOException {
        List<String> parts = parts(name);
        if (parts.isEmpty()) throw refused(name, "names no file");
        Path p = parentOf(parts, name).resolve(parts.get(parts.size() - 1));
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(name, "is already a link or a directory");
        }
        count(name, content.length);
        Files.write(p, content);
    }

    /** A relative link; its target must stay inside the tree (checked again, through every link, on commit). */
    public void link(String name, String target) throws IOException {
        List<String> parts = parts(name);
        if (parts.isEmpty()) throw refused(name, "names no link");
        if (target.isEmpty() || target.startsWith("/")) throw refused(name, "links to an absolute path " + target);
        if (target.indexOf('\0') >= 0) throw refused(name, "has a NUL byte in its link target");
        if (bytes(target) > Limits.ENTRY_PATH_BYTES) throw refused(name, "has a link target longer than " + Limits.ENTRY_PATH_BYTES + " bytes");
        Path p = parentOf(parts, name).resolve(parts.get(parts.size() - 1));
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) throw refused(name, "already exists");
        if (resolve(parts.subList(0, parts.size() - 1), target, 0) == null) throw refused(name, "links outside the directory: " + target);
        count(name, 0);
        try {
            Files.createSymbolicLink(p, Path.of(target));
        } catch (InvalidPathException e) {
            throw refused(name, "has a malformed link target");
        }
        links.add(String.join("/", parts));
    }

    public int entries() {
        return entries;
    }

    /** Checks every link through the whole tree, then moves it into place. */
    public Path commit() throws IOException {
        for (String l : links) {
            List<String> parts = List.of(l.split("/"));
            if (resolve(parts.subList(0, parts.size() - 1), Files.readSymbolicLink(stage.resolve(l)).toString(), 0) == null) {
                throw refused(l, "leads outside the directory through another link");
            }
        }
        try {
            Files.deleteIfExists(dest);
        } catch (DirectoryNotEmptyException e) {
            throw KforgeException.badInput(dest + " was filled while kforge wrote it", "give a new directory");
        }
        try {
            Files.move(stage, dest, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw KforgeException.badInput(dest + " appeared while kforge wrote it", "give a new directory");
        }
        committed = true;
        return dest;
    }

    /** Removes the staging directory, and the parents made for it, unless it was committed. */
    @Override
    public void close() throws IOException {
        if (committed) return;
        FileTrees.delete(stage);
        if (madeParent != null) FileTrees.delete(madeParent);
    }

    /** Where the link at {@code dir} (components below the root) to {@code target} leads, or null when it leaves the tree. */
    private List<String> resolve(List<String> dir, String target, int hops) throws IOException {
        if (hops > Limits.LINK_HOPS) return null;
        Deque<String> at = new ArrayDeque<>(dir);
        for (String c : target.split("/")) {
            if (c.isEmpty() || c.equals(".")) continue;
            if (c.equals("..")) {
                if (at.isEmpty()) return null;
                at.removeLast();
                continue;
            }
            at.addLast(c);
            Path p = stage.resolve(String.join("/", at));
            if (Files.isSymbolicLink(p)) {
                String next = Files.readSymbolicLink(p).toString();
                if (next.startsWith("/")) return null;
                at.removeLast();
                List<String> r = resolve(List.copyOf(at), next, hops + 1);
                if (r == null) return null;
                at = new ArrayDeque<>(r);
            }
        }
        return List.copyOf(at);
    }

    /** The name's components: "" and "." dropped; absolute names, "..", and NUL refused. */
    private List<String> parts(String name) {
        if (name.startsWith("/")) throw refused(name, "is an absolute path");
        if (name.indexOf('\0') >= 0) throw refused(name, "holds a NUL byte");
        if (bytes(name) > Limits.ENTRY_PATH_BYTES) throw refused(name, "is longer than " + Limits.ENTRY_PATH_BYTES + " bytes");
        List<String> out = new ArrayList<>();
        for (String c : name.split("/")) {
            if (c.isEmpty() || c.equals(".")) continue;
            if (c.equals("..")) throw refused(name, "holds '..'");
            if (bytes(c) > Limits.NAME_BYTES) throw refused(name, "has a component longer than " + Limits.NAME_BYTES + " bytes");
            out.add(c);
        }
        return out;
    }

    /** The entry's directory, made as real directories: never through a link, never outside the stage. */
    private Path parentOf(List<String> parts, String name) throws IOException {
        Path p = stage;
        for (String c : parts.subList(0, parts.size() - 1)) {
            try {
                p = p.resolve(c);
            } catch (InvalidPathException e) {
                throw refused(name, "is a malformed name");
            }
            if (Files.isSymbolicLink(p)) throw refused(name, "would be written through the link " + stage.relativize(p));
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                count(name, 0);
                Files.createDirectory(p);
            } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(name, "is under " + stage.relativize(p) + ", which is a file");
            }
        }
        return p;
    }

    private void count(String name, long size) {
        entries++;
        bytes += size;
        if (entries > Limits.UNPACK_ENTRIES || bytes > Limits.UNPACK_BYTES) {
            throw refused(name, "goes past " + Limits.UNPACK_ENTRIES + " entries or " + Limits.size(Limits.UNPACK_BYTES) + ", more than any snapshot holds");
        }
    }

    /** The name's length as the file system sees it (the JVM writes names in UTF-8 or Latin-1; UTF-8 is the longer). */
    private static int bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private KforgeException refused(String name, String why) {
        String shown = TerminalText.visible(name.length() > 120 ? name.substring(0, 117) + "..." : name);
        return KforgeException.badInput(where + ": entry " + shown + " " + why + "; nothing was written to " + dest,
                "is this capture from a kforge collector? a board that sends such names is not to be trusted");
    }

    private static boolean isEmptyDirectory(Path p) {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return false;
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
