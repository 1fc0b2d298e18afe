package org.kforge.bisect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code git bisect good|bad|skip} printed (LC_ALL=C), read as git's own answer (git's bisect.c, git-bisect.sh). */
final class GitBisectOutput {
    private static final Pattern NEXT = Pattern.compile("(?m)^Bisecting: .*?(?:\\(roughly (\\d+) steps?\\))?\\s*$\\s*^\\[([0-9a-f]{40,64})\\]");
    private static final Pattern FIRST_BAD = Pattern.compile("(?m)^([0-9a-f]{40,64}) is the first bad commit$");
    private static final Pattern ONLY_SKIPPED = Pattern.compile("(?s)There are only 'skip'ped commits left to test\\.\\s*"
            + "The first bad commit could be any of:\\s*(.*?)\\s*We cannot bisect more!");
    private static final Pattern ID = Pattern.compile("(?m)^([0-9a-f]{40,64})$");

    private GitBisectOutput() {
    }

    static Revisions.Next read(String out) {
        Matcher m = FIRST_BAD.matcher(out);
        if (m.find()) return Revisions.Next.culprit(m.group(1));
        m = ONLY_SKIPPED.matcher(out);
        if (m.find()) {
            List<String> ids = new ArrayList<>();
            Matcher id = ID.matcher(m.group(1));
            while (id.find()) ids.add(id.group(1));
            return Revisions.Next.onlySkipped(ids);
        }
        m = NEXT.matcher(out);
        if (m.find()) return Revisions.Next.test(m.group(2), m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
        if (out.contains("status: waiting for")) return Revisions.Next.waiting();
        return null;
    }
}
