package org.kforge.report;

/**
 * Text from a console made fit for XML 1.0 (https://www.w3.org/TR/xml/#charsets): the characters XML cannot
 * hold at all (C0 controls but tab, newline and return; U+FFFE, U+FFFF; a lone surrogate) are removed, as
 * is DEL and the C1 controls (U+0080-U+009F), which XML allows but no report reader shows. Escaping
 * markup is the writer's job.
 */
final class XmlText {
    private XmlText() {
    }

    static String clean(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (out != null) out.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
            } else {
                ok = !Character.isLowSurrogate(c) && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                        && !(c >= 0x7F && c <= 0x9F) && c != 0xFFFE && c != 0xFFFF;
            }
            if (!ok && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            if (ok && out != null) out.append(c);
        }
        return out == null ? s : out.toString();
    }
}
