package org.kforge.bisect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.kforge.asset.CacheDir;

/**
 * Debian's linux-source-6.1 made into a git history of nine commits, kept under the tests' cache (CI keeps it) so
 * that its paths, and so the bisection's build directory and ccache, stay the same from run to run. The work tree
 * is hard links to the unpacked tree: git replaces a file it checks out (unlinks it first), and so does {@link #edit}.
 * <pre>
 *   c0 the tree as Debian ships it          (good)
 *   c1 README                                harmless
 *   c2 Documentation/admin-guide/README.rst  harmless
 *   c3 lib/ctype.c: #error                   breaks the build of a file unrelated to the boot: a skip
 *   c4 Documentation/process/howto.rst       harmless (still does not build)
 *   c5 lib/ctype.c: the #error removed       builds again
 *   c6 init/main.c: panic() before init      the planted regression: the culprit
 *   c7 Documentation/process/changes.rst     harmless
 *   c8 MAINTAINERS                           harmless (bad)
 * </pre>
 */
final class KernelHistory {
    /** Bump when the commits change: the cached history is rebuilt. */
    private static final String RECIPE = "h1";
    static final String PANIC = "kforge-bisect: planted regression";

    private KernelHistory() {
    }

    /** The history's work tree, made on first use (about a minute and a half: git hashes the whole tree once). */
    static Path tree(CacheDir cache, Path source) throws IOException, InterruptedException {
        Path dir = cache.dir("bisect-it").resolve(source.getFileName() + "-" + RECIPE);
        if (Files.isRegularFile(dir.resolve(".git/kforge-history"))) return dir;
        Path tmp = Files.createTempDirectory(cache.dir("bisect-it"), ".make-");
        Path t = tmp.resolve("linux");
        run(tmp, "cp", "-al", source.toString(), t.toString());
        run(t, "git", "init", "-q", "-b", "main");
        run(t, "git", "add", "-f", "-A");
        commit(t, "linux-source-6.1 as Debian ships it", 0);
        edit(t, "README", s -> s + "\nkforge's bisection test history starts here.\n");
        commit(t, "README: where this history comes from", 1);
        edit(t, "Documentation/admin-guide/README.rst", s -> s + "\n.. a harmless line\n");
        commit(t, "Documentation: a harmless line in the admin guide", 2);
        edit(t, "lib/ctype.c", s -> s.replace("const unsigned char _ctype[] = {", "#error \"kforge: planted build break\"\nconst unsigned char _ctype[] = {"));
        commit(t, "lib/ctype: a planted build break (a file the boot does not care about)", 3);
        edit(t, "Documentation/process/howto.rst", s -> s + "\n.. another harmless line\n");
        commit(t, "Documentation: a harmless line in the howto", 4);
        edit(t, "lib/ctype.c", s -> s.replace("#error \"kforge: planted build break\"\n", ""));
        commit(t, "lib/ctype: the build break removed", 5);
        edit(t, "init/main.c", s -> s.replace("\tdo_sysctl_args();\n\n\tif (ramdisk_execute_command) {",
                "\tdo_sysctl_args();\n\n\tpanic(\"" + PANIC + "\");\n\n\tif (ramdisk_execute_command) {"));
        commit(t, "init: panic before the first process runs (the planted regression)", 6);
        edit(t, "Documentation/process/changes.rst", s -> s + "\n.. a third harmless line\n");
        commit(t, "Documentation: a harmless line in changes", 7);
        edit(t, "MAINTAINERS", s -> s + "\n");
        commit(t, "MAINTAINERS: a trailing newline", 8);
        Files.writeString(t.resolve(".git/kforge-history"), RECIPE + "\n");
        Files.move(t, dir);
        Files.delete(tmp);
        return dir;
    }

    /** Replaces a file rather than writing into it: the old one is a hard link into the cached source. */
    private static void edit(Path tree, String file, UnaryOperator<String> change) throws IOException {
        Path p = tree.resolve(file);
        String before = Files.readString(p, StandardCharsets.ISO_8859_1);
        String after = change.apply(before);
        if (after.equals(before)) throw new IllegalStateException("the edit of " + file + " changed nothing: the source moved on");
        Files.delete(p);
        Files.writeString(p, after, StandardCharsets.ISO_8859_1);
    }

    private static void commit(Path tree, String subject, int n) throws IOException, InterruptedException {
        if (n > 0) run(tree, "git", "add", "-A");
        String date = "2026-01-0" + (1 + n / 4) + "T1" + (n % 4) + ":00:00Z";
        run(tree, List.of("GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date), "git", "-c", "user.name=Kforge Test",
                "-c", "user.email=kforge@example.org", "commit", "-q", "-m", subject);
        run(tree, "git", "tag", "c" + n);
    }

    static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        return run(dir, List.of(), cmd);
    }

    static String run(Path dir, List<String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(cmd))).directory(dir.toFile()).redirectErrorStream(true);
        for (String e : env) pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        return out;
    }
}
