package org.kforge;

import java.util.List;
import java.util.regex.Pattern;

/** An argv as one line a POSIX shell takes back word for word: a word with anything but safe characters single-quoted. */
public final class ShellWords {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./=,:+@%-]+");

    private ShellWords() {
    }

    public static String quote(String word) {
        return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    public static String line(List<String> argv) {
        return String.join(" ", argv.stream().map(ShellWords::quote).toList());
    }
}
