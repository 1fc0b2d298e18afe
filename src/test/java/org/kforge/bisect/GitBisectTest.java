package org.kforge.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.KforgeException;

/** The driver over real git bisect in a small repository: git's own answers, and the tree as it was found. */
class GitBisectTest {
    @TempDir
    Path repo;

    /** Ten commits of one file holding its number; "level" 6 on panics, 3 and 4 do not build. */
    private void history() throws Exception {
        KernelHistory.run(repo, "git", "init", "-q", "-b", "main");
        for (int i = 0; i < 10; i++) {
            Files.writeString(repo.resolve("level"), i + "\n");
            KernelHistory.run(repo, "git", "add", "level");
            KernelHistory.run(repo, "git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "level " + i);
            KernelHistory.run(repo, "git", "tag", "c" + i);
        }
        Files.writeString(repo.resolve("untracked.txt"), "mine\n");
    }

    private int level() throws Exception {
        return Integer.parseInt(Files.readString(repo.resolve("level")).strip());
    }

    private final KernelBuilder builder = commit -> {
        try {
            int l = level();
            if (l == 3 || l == 4) return KernelBuilder.Built.failed("lib/ctype.c:12:2: error: #error", 1);
            return new KernelBuilder.Built(repo.resolve("level"), "sha-" + l, 1, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    };

    private final KernelBooter booter = (commit, image, attempt) -> {
        try {
            return level() >= 6 ? new KernelBooter.Boot(false, "panic", "Kernel panic", image) : new KernelBooter.Boot(true, "boot-ok", "ready", image);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    };

    private String asFound() throws Exception {
        return KernelHistory.run(repo, "git", "symbolic-ref", "HEAD") + KernelHistory.run(repo, "git", "rev-parse", "HEAD")
                + KernelHistory.run(repo, "git", "status", "--porcelain") + Files.exists(repo.resolve(".git/BISECT_START"));
    }

    @Test
    void gitNamesTheCulpritAndTheTreeIsPutBack() throws Exception {
        history();
        String before = asFound();
        GitBisect git = GitBisect.open(repo);
        BisectReport r = new Bisection(git, builder, booter, 1, null).run("c0", "c9");
        assertThat(r.result()).isEqualTo(BisectReport.CULPRIT);
        assertThat(r.culprit().subject()).isEqualTo("level 6");
        assertThat(r.culprit().files()).containsExactly("level");
        assertThat(r.culprit().author()).isEqualTo("T <t@example.org>");
        assertThat(r.parentStep().mark()).isEqualTo(StepMark.GOOD);
        assertThat(asFound()).isEqualTo(before);
        assertThat(git.between(git.resolve("c0"), git.resolve("c9"))).isEqualTo(9);
    }

    @Test
    void onlySkippedCommitsLeftIsGitsOwnList() throws Exception {
        history();
        KernelBooter panicsFrom4 = (commit, image, attempt) -> {
            try {
                return new KernelBooter.Boot(level() < 4, level() < 4 ? "boot-ok" : "panic", "x", image);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        BisectReport r = new Bisection(GitBisect.open(repo), builder, panicsFrom4, 1, null).run("c2", "c9");
        assertThat(r.result()).isEqualTo(BisectReport.ONLY_SKIPPED);
        assertThat(r.candidates()).extracting(Revisions.Commit::subject).containsExactlyInAnyOrder("level 3", "level 4", "level 5");
    }

    @Test
    void aGoodEndThatIsBadLeavesTheTreeAsFound() throws Exception {
        history();
        KernelHistory.run(repo, "git", "checkout", "-q", "-b", "topic", "c7");
        String before = asFound();
        assertThatThrownBy(() -> new Bisection(GitBisect.open(repo), builder, booter, 1, null).run("c6", "c9"))
                .isInstanceOf(KforgeException.class).hasMessageContaining("is bad too");
        assertThat(asFound()).isEqualTo(before).startsWith("refs/heads/topic");
    }

    @Test
    void aDirtyTreeOrABisectionUnderWayIsRefused() throws Exception {
        history();
        Files.writeString(repo.resolve("level"), "edited\n");
        assertThatThrownBy(() -> GitBisect.open(repo)).hasMessageContaining("uncommitted changes");
        KernelHistory.run(repo, "git", "checkout", "-q", "level");
        KernelHistory.run(repo, "git", "bisect", "start");
        assertThatThrownBy(() -> GitBisect.open(repo)).hasMessageContaining("already under way");
        assertThatThrownBy(() -> GitBisect.open(repo.resolve("nope"))).hasMessageContaining("not a directory");
        assertThat(List.of(new GitBisect(repo).resolve("c1"))).allSatisfy(id -> assertThat(id).hasSize(40));
        assertThatThrownBy(() -> new GitBisect(repo).resolve("v9.9")).hasMessageContaining("no commit v9.9");
    }
}
