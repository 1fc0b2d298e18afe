package org.kforge.bisect;

import java.util.List;

/** The history being bisected: {@code git bisect} in a tree, or a fake in tests. */
public interface Revisions {
    /** The full commit id of a revision; a clear error when the tree has no such revision. */
    String resolve(String rev);

    /** Starts the bisection session (the tree's HEAD and branch are remembered for {@link #reset}). */
    void begin();

    /** Puts the work tree at {@code commit} (detached) to test it. */
    void checkout(String commit);

    /** Tells the bisection what {@code commit} is; returns what to test next, or the end. */
    Next mark(String commit, StepMark mark);

    /** Ends the session and puts the tree back as it was found: HEAD, branch, work tree. */
    void reset();

    /** The first parent of {@code commit}, or null for a root commit. */
    String parent(String commit);

    /** Subject, author and changed files of a commit. */
    Commit describe(String commit);

    /** One commit as the report names it. */
    record Commit(String id, String subject, String author, List<String> files) {
        public Commit {
            files = List.copyOf(files);
        }

        public String shortId() {
            return id.length() > 12 ? id.substring(0, 12) : id;
        }
    }

    /**
     * What the bisection says after a mark: a commit to test next (with git's estimate of the steps left), the first
     * bad commit, the commits it could be when only skipped ones are left, or nothing yet (an end is still unknown).
     */
    record Next(String test, int stepsLeft, String culprit, List<String> onlySkipped) {
        public Next {
            onlySkipped = onlySkipped == null ? List.of() : List.copyOf(onlySkipped);
        }

        public static Next test(String commit, int stepsLeft) {
            return new Next(commit, stepsLeft, null, null);
        }

        public static Next culprit(String commit) {
            return new Next(null, 0, commit, null);
        }

        public static Next onlySkipped(List<String> candidates) {
            return new Next(null, 0, null, candidates);
        }

        public static Next waiting() {
            return new Next(null, 0, null, null);
        }

        public boolean done() {
            return culprit != null || !onlySkipped.isEmpty();
        }
    }
}
