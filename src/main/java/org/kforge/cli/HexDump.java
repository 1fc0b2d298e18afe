package org.kforge.cli;

/** Bytes as {@code xxd} shows them: address, 16 bytes in hex, the printable ones as text. */
final class HexDump {
    private HexDump() {
    }

    static String of(long base, byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i += 16) {
            out.append(String.format("%016x: ", base + i));
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < 16; j++) {
                if (i + j < bytes.length) {
                    int b = bytes[i + j] & 0xff;
                    out.append(String.format("%02x", b));
                    text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    out.append("  ");
                }
                if (j % 2 == 1) out.append(' ');
            }
            out.append(' ').append(text).append('\n');
        }
        return out.toString();
    }
}
