package org.kforge.board;

import java.io.ByteArrayOutputStream;

/**
 * The telnet layer of a serial server's TCP port (ser2net's telnet mode, RFC 854/855): IAC commands are taken out
 * of the data, IAC IAC is a data byte 0xFF, subnegotiations (RFC 2217 COM-PORT-OPTION...) are skipped, and each
 * option offer is answered: the server may echo (1) and suppress go-ahead (3); kforge does no option itself.
 * State carries across chunks: a sequence may be cut anywhere.
 */
public final class TelnetFilter {
    static final int IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;
    static final int ECHO = 1, SGA = 3;
    private int state; // 0 data, 1 after IAC, 2 after WILL/WONT/DO/DONT, 3 in SB, 4 IAC in SB
    private int verb;
    private final ByteArrayOutputStream replies = new ByteArrayOutputStream();

    /** Filters {@code len} bytes in place; returns how many data bytes are left at the start of {@code buf}. */
    public int filter(byte[] buf, int len) {
        int out = 0;
        for (int i = 0; i < len; i++) {
            int b = buf[i] & 0xFF;
            switch (state) {
                case 0 -> {
                    if (b == IAC) state = 1;
                    else buf[out++] = (byte) b;
                }
                case 1 -> {
                    if (b == IAC) {
                        buf[out++] = (byte) IAC;
                        state = 0;
                    } else if (b >= WILL && b <= DONT) {
                        verb = b;
                        state = 2;
                    } else if (b == SB) {
                        state = 3;
                    } else {
                        state = 0; // NOP, GA, AYT...: no data
                    }
                }
                case 2 -> {
                    answer(verb, b);
                    state = 0;
                }
                case 3 -> state = b == IAC ? 4 : 3;
                default -> state = b == SE ? 0 : 3;
            }
        }
        return out;
    }

    private void answer(int v, int option) {
        int reply;
        if (v == WILL) reply = option == ECHO || option == SGA ? DO : DONT;
        else if (v == DO) reply = WONT;
        else return; // WONT/DONT need no answer
        replies.write(IAC);
        replies.write(reply);
        replies.write(option);
    }

    /** The answers owed to the server since the last call (send them back on the socket). */
    public byte[] takeReplies() {
        byte[] r = replies.toByteArray();
        replies.reset();
        return r;
    }
}
