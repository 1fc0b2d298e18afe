package org.kforge.bisect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kforge.KforgeException;

/**
 * {@link Revisions} as real {@code git bisect} in a work tree: start, good/bad/skip, and git's own answer for the
 * next commit and the culprit. {@link #reset} puts back HEAD, the branch and the work tree; it is safe to call twice
 * and from a shutdown hook.
 */
public final class GitBisect implements Revisions {
    private final Path tree;
    private String original;
    private boolean started;
    /** Set by {@link #reset}: a step still running when Ctrl-C put the tree back may not move it again. */
    private boolean closed;

    public GitBisect(Path tree) {
        this.tree = tree.toAbsolutePath();
    }

    /** Checks the tree before anything runs: a git work tree, no tracked change, no bisection under way. */
    public static GitBisect open(Path tree) {
        if (!Files.isDirectory(tree)) throw KforgeException.badInput("--tree " + tree + " is not a directory", "give the top of a kernel git tree");
        GitBisect g = new GitBisect(tree);
        Result top = g.git("rev-parse", "--show-toplevel");
        if (top.rc != 0) throw KforgeException.badInput(tree + " is not a git work tree", "git init, or give --tree a clone");
        if (!g.git("status", "--porcelain", "--untracked-files=no").out.isBlank()) {
            throw KforgeException.badInput(tree + " has uncommitted changes to tracked files", "commit or stash them (git stash) first");
        }
        if (Files.exists(g.gitPath("BISECT_START"))) {
            throw KforgeException.badInput("a git bisect is already under way in " + tree, "git bisect reset, then run kforge bisect again");
        }
        return g;
    }

    /** The branch (refs/heads/...) or, detached, the commit HEAD is at. */
    public String head() {
        Result branch = git("symbolic-ref", "-q", "HEAD");
        return branch.rc == 0 ? branch.out.strip() : must("rev-parse", "HEAD").strip();
    }

    @Override
    public String resolve(String rev) {
        Result r = git("rev-parse", "--verify", "-q", rev + "^{commit}");
        if (r.rc != 0) throw KforgeException.badInput("no commit " + rev + " in " + tree, "git log --oneline names the revisions");
        return r.out.strip();
    }

    @Override
    public synchronized void begin() {
        original = head();
        must("bisect", "start");
        started = true;
    }

    @Override
    public synchronized void checkout(String commit) {
        refuseAfterReset();
        must("checkout", "-q", "--detach", commit);
    }

    @Override
    public synchronized Next mark(String commit, StepMark mark) {
        refuseAfterReset();
        Result r = git("bisect", mark.gitWord(), commit);
        Next next = GitBisectOutput.read(r.out);
        if (next == null) {
            throw new KforgeException(1, "git bisect " + mark.gitWord() + " " + commit + " answered nothing kforge knows: "
                    + r.out.lines().findFirst().orElse("(no output)"), "see git bisect log in " + tree);
        }
        return next;
    }

    private void refuseAfterReset() {
        if (closed) throw new KforgeException(1, "the bisection was stopped and the tree put back", "kforge bisect --continue goes on");
    }

    @Override
    public synchronized void reset() {
        if (!started) return;
        closed = true;
        if (Files.exists(gitPath("BISECT_START"))) git("bisect", "reset");
        if (!head().equals(original)) {
            String to = original.startsWith("refs/heads/") ? original.substring("refs/heads/".length()) : original;
            git("checkout", "-q", to);
        }
        started = false;
    }

    /** How many commits {@code bad} has that {@code good} has not: what the bisection searches. */
    public int between(String good, String bad) {
        return Integer.parseInt(must("rev-list", "--count", bad, "^" + good).strip());
    }

    @Override
    public String parent(String commit) {
        Result r = git("rev-parse", "--verify", "-q", commit + "^");
        return r.rc == 0 ? r.out.strip() : null;
    }

    @Override
    public Commit describe(String commit) {
        String[] head = must("show", "-s", "--format=%H%n%s%n%an <%ae>", commit).split("\n", 3);
        List<String> files = must("diff-tree", "--root", "--no-commit-id", "--name-only", "-r", commit).lines()
                .filter(l -> !l.isBlank()).toList();
        return new Commit(head[0].strip(), head.length > 1 ? head[1].strip() : "", head.length > 2 ? head[2].strip() : "", files);
    }

    private Path gitPath(String name) {
        String p = must("rev-parse", "--git-path", name).strip();
        return tree.resolve(p);
    }

    private String must(String... args) {
        Result r = git(args);
        if (r.rc != 0) {
            throw new KforgeException(1, "git " + String.join(" ", args) + " failed in " + tree + ": "
                    + r.out.lines().reduce((a, b) -> b).orElse("exit " + r.rc), null);
        }
        return r.out;
    }

    private record Result(int rc, String out) {
    }

    private Result git(String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-C", tree.toString()));
        argv.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot run git: " + e.getMessage(), "apt-get install git");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KforgeException(1, "interrupted while git " + String.join(" ", args) + " ran", null);
        }
    }
}
