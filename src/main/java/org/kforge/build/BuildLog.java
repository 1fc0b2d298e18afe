package org.kforge.build;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a kernel build's output says: kbuild's step lines ({@code   CC      kernel/fork.o}) and the first error. */
public final class BuildLog {
    private static final Pattern STEP = Pattern.compile("^  ([A-Z][A-Z0-9_ \\[\\]]{1,10}?)\\s+(\\S.*)$");
    private static final Pattern COMPILER_ERROR = Pattern.compile("^(\\S+?):(\\d+):(?:\\d+:)? (?:fatal )?error: (.*)$");

    private int steps;
    private String lastStep;
    private String firstError;

    /** Reads one line of make's output. */
    public void accept(String line) {
        Matcher s = STEP.matcher(line);
        if (s.matches()) {
            steps++;
            lastStep = s.group(1).strip() + " " + s.group(2);
            return;
        }
        if (firstError != null) return;
        Matcher c = COMPILER_ERROR.matcher(line);
        if (c.matches()) {
            firstError = c.group(1) + ":" + c.group(2) + ": error: " + c.group(3);
        } else if (line.contains("undefined reference to ") || line.contains("*** No rule to make target")) {
            firstError = line.strip();
        }
    }

    public int steps() {
        return steps;
    }

    public String lastStep() {
        return lastStep;
    }

    /** The first compiler, linker or make error, with file and line when the compiler gave them; or null. */
    public String firstError() {
        return firstError;
    }
}
