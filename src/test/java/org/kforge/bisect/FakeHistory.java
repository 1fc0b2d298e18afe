package org.kforge.bisect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A linear history c0..cN bisected as git does: the first bad commit lies in (good, bad]; skipped ones are stepped round. */
final class FakeHistory implements Revisions {
    final int size;
    String checkedOut = "main";
    boolean inSession;
    int resets;
    private int good = -1;
    private int bad = -1;
    private final Set<Integer> skipped = new HashSet<>();

    FakeHistory(int size) {
        this.size = size;
    }

    static String id(int i) {
        return String.format("c%02d", i);
    }

    private static int index(String id) {
        return Integer.parseInt(id.substring(1));
    }

    @Override
    public String resolve(String rev) {
        return rev;
    }

    @Override
    public void begin() {
        inSession = true;
    }

    @Override
    public void checkout(String commit) {
        checkedOut = commit;
    }

    @Override
    public Next mark(String commit, StepMark mark) {
        int i = index(commit);
        switch (mark) {
            case GOOD -> good = Math.max(good, i);
            case BAD -> bad = bad < 0 ? i : Math.min(bad, i);
            case SKIP -> skipped.add(i);
            default -> throw new IllegalArgumentException();
        }
        if (good < 0 || bad < 0) return Next.waiting();
        List<Integer> open = new ArrayList<>();
        for (int k = good + 1; k < bad; k++) if (!skipped.contains(k)) open.add(k);
        if (open.isEmpty()) {
            if (bad == good + 1) return Next.culprit(id(bad));
            List<String> could = new ArrayList<>();
            for (int k = good + 1; k <= bad; k++) could.add(id(k));
            return Next.onlySkipped(could);
        }
        int mid = (good + bad) / 2;
        int pick = open.stream().min((a, b) -> Integer.compare(Math.abs(a - mid), Math.abs(b - mid))).orElseThrow();
        checkedOut = id(pick);
        return Next.test(id(pick), (int) Math.floor(Math.log(open.size()) / Math.log(2)));
    }

    @Override
    public void reset() {
        inSession = false;
        checkedOut = "main";
        resets++;
    }

    @Override
    public String parent(String commit) {
        int i = index(commit);
        return i == 0 ? null : id(i - 1);
    }

    @Override
    public Commit describe(String commit) {
        return new Commit(commit, "subject of " + commit, "A U Thor <a@example.org>", List.of("init/main.c"));
    }
}
