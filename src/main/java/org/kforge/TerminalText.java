package org.kforge;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one way text that came from a target or a file reaches a terminal: every control character is made
 * visible as {@code cat -v} shows it (ESC as {@code ^[}, so a CSI or OSC sequence shows whole, its payload
 * included; NUL as {@code ^@}; DEL as {@code ^?}; the C1 controls U+0080-U+009F as {@code M-^@}..{@code M-^_}),
 * and the Unicode controls that reorder or break lines as {@code <U+202E>}. Newline and tab stay. JSON output
 * does not go through here: Jackson escapes control characters, so JSON stays exact.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /**
     * kforge's JSON writer for output: indented, and escaping (as \\uXXXX, so the text stays exact) DEL, the C1
     * controls and the Unicode controls {@link #visible} rewrites, which JSON would otherwise carry raw.
     */
    /** The escapes of {@link #jsonMapper()}, for a mapper built elsewhere ({@link Json}). */
    public static com.fasterxml.jackson.core.io.CharacterEscapes jsonEscapes() {
        return new JsonEscapes();
    }

    public static ObjectMapper jsonMapper() {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        m.getFactory().setCharacterEscapes(new JsonEscapes());
        return m;
    }

    private static final class JsonEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        JsonEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch <= 0xFFFF && needsEscape((char) ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

    /** {@code text} with nothing in it that a terminal would act on. */
    public static String visible(String text) {
        if (text == null) return null;
        int n = text.length();
        int i = 0;
        while (i < n && !needsEscape(text.charAt(i))) i++;
        if (i == n) return text;
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) out.append(c);
            else if (c < 0x20) out.append('^').append((char) (c + 64));
            else if (c == 0x7F) out.append("^?");
            else if (c <= 0x9F) out.append("M-^").append((char) (c - 0x80 + 64));
            else out.append(String.format("<U+%04X>", (int) c));
        }
        return out.toString();
    }

    /** {@code text} as part of one line (a name quoted in an error): as {@link #visible}, and newline and tab shown too. */
    public static String inline(String text) {
        String v = visible(text);
        return v == null ? null : v.replace("\n", "^J").replace("\t", "^I");
    }

    /** True for what {@link #visible} rewrites: C0 but newline and tab, DEL, C1, bidi and line separators. */
    public static boolean needsEscape(char c) {
        if (c < 0x20) return c != '\n' && c != '\t';
        if (c < 0x7F) return false;
        if (c <= 0x9F) return true;
        return c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
