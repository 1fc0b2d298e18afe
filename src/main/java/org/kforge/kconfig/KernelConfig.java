package org.kforge.kconfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kforge.InputFile;
import org.kforge.KforgeException;

/**
 * A kernel .config (or a fragment, or a /proc/config.gz capture): symbol name without CONFIG_ to the value
 * as written, "n" for {@code # CONFIG_X is not set} ({@code scripts/kconfig/confdata.c}, conf_read_simple).
 * A line that is none of those is an error with its line number: Kconfig only warns, and the option is lost.
 */
public record KernelConfig(String origin, Map<String, String> values) {
    private static final Pattern SET = Pattern.compile("CONFIG_([A-Za-z0-9_]+)=(.*)");
    private static final Pattern NOT_SET = Pattern.compile("# CONFIG_([A-Za-z0-9_]+) is not set");
    private static final Pattern VALUE = Pattern.compile("[ymn]|-?[0-9]+|0[xX][0-9a-fA-F]+");

    /** Reads a file, gunzipping it when it starts with gzip's magic bytes. */
    public static KernelConfig read(Path file) {
        return parse(file.toString(), new String(InputFile.readMaybeGzip(file, "the config"), StandardCharsets.UTF_8));
    }

    public static KernelConfig parse(String origin, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\r\n|\n|\r", -1)) {
            number++;
            String l = line.strip();
            if (l.isEmpty()) continue;
            Matcher set = SET.matcher(l);
            Matcher unset = NOT_SET.matcher(l);
            if (set.matches() && (VALUE.matcher(set.group(2)).matches() || quoted(set.group(2)))) {
                values.put(set.group(1), set.group(2));
            } else if (unset.matches()) {
                values.put(unset.group(1), "n");
            } else if (!l.startsWith("#")) {
                throw KforgeException.badInput(origin + ":" + number + ": not a config line: " + abbreviate(l),
                        "write CONFIG_NAME=y|m|n|\"string\"|number, or # CONFIG_NAME is not set");
            }
        }
        return new KernelConfig(origin, Collections.unmodifiableMap(values));
    }

    /** A "string" with backslash escapes, scanned by hand: a regex over it recurses once per character. */
    private static boolean quoted(String v) {
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') return false;
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') return false;
        }
        return true;
    }

    private static String abbreviate(String l) {
        return l.length() > 80 ? l.substring(0, 77) + "..." : l;
    }

    /** The value as .config writes it, or null when the config does not mention the symbol. */
    public String value(String name) {
        return values.get(name);
    }

    /** The value for expression evaluation: absent and "is not set" both read as n for bool/tristate. */
    public String valueOrN(String name) {
        String v = values.get(name);
        return v == null ? "n" : v;
    }

    /** One line as .config writes it. */
    public static String line(String name, String value) {
        return "n".equals(value) ? "# CONFIG_" + name + " is not set" : "CONFIG_" + name + "=" + value;
    }
}
