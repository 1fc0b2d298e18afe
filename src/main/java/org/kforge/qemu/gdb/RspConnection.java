package org.kforge.qemu.gdb;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The packet layer of the GDB remote serial protocol (gdb/doc "Remote Protocol", "Overview"):
 * {@code $payload#cs} framing, checksums, +/- acknowledgements with resends, no-ack mode,
 * escapes ({@code }} x^0x20) and run-length encoding ({@code c*n}) in replies.
 */
public final class RspConnection implements Closeable {
    private static final int MAX_RESENDS = 3;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean acks = true;

    RspConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RspConnection connect(String host, int port, Duration timeout) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        s.setTcpNoDelay(true);
        s.setSoTimeout((int) timeout.toMillis());
        return new RspConnection(s);
    }

    /** How long a read may wait (a continue waits for the target to stop). */
    public void timeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** Sends a packet and, in ack mode, waits for its '+', resending on '-'. */
    public void send(String payload) throws IOException {
        byte[] framed = frame(payload);
        for (int attempt = 0; ; attempt++) {
            out.write(framed);
            out.flush();
            if (!acks) return;
            int c = readByte();
            while (c == '$') {
                // a stop reply QEMU queued before we asked (the VM stopped when we connected): not our answer
                skipPacket();
                c = readByte();
            }
            if (c == '+') return;
            if (c != '-' || attempt >= MAX_RESENDS) {
                throw new RspException("the stub answered '" + (char) c + "' instead of an acknowledgement");
            }
        }
    }

    private void skipPacket() throws IOException {
        while (readByte() != '#') {
            // payload of an unsolicited packet
        }
        readByte();
        readByte();
        ack('+');
    }

    /** Sends the interrupt byte (Ctrl-C), outside any packet. */
    public void interrupt() throws IOException {
        out.write(0x03);
        out.flush();
    }

    /** Sends a packet and returns the reply packet's payload. */
    public String request(String payload) throws IOException {
        send(payload);
        return receive();
    }

    /** Reads the next packet, checking its checksum (asking for a resend in ack mode), decoded. */
    public String receive() throws IOException {
        for (int attempt = 0; ; attempt++) {
            int c;
            do {
                c = readByte();
            } while (c != '$');
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int sum = 0;
            while ((c = readByte()) != '#') {
                body.write(c);
                sum = (sum + c) & 0xff;
            }
            int expected = Integer.parseInt(new String(new byte[] {(byte) readByte(), (byte) readByte()},
                    StandardCharsets.US_ASCII), 16);
            if (expected == sum || !acks) {
                if (acks) ack('+');
                return decode(body.toByteArray());
            }
            if (attempt >= MAX_RESENDS) throw new RspException("checksum errors on " + (attempt + 1) + " tries");
            ack('-');
        }
    }

    /** Switches both sides to no-ack mode if the stub agrees (QStartNoAckMode). */
    public boolean startNoAckMode() throws IOException {
        if ("OK".equals(request("QStartNoAckMode"))) {
            acks = false;
            return true;
        }
        return false;
    }

    private void ack(char c) throws IOException {
        out.write(c);
        out.flush();
    }

    private int readByte() throws IOException {
        try {
            int c = in.read();
            if (c < 0) throw new RspException("the stub closed the connection (QEMU exited?)");
            return c;
        } catch (SocketTimeoutException e) {
            throw new RspTimeoutException("no answer from the gdbstub within " + socket.getSoTimeout() + " ms");
        }
    }

    static byte[] frame(String payload) {
        byte[] p = payload.getBytes(StandardCharsets.ISO_8859_1);
        int sum = 0;
        for (byte b : p) sum = (sum + (b & 0xff)) & 0xff;
        return ("$" + payload + "#" + String.format("%02x", sum)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Undoes escapes and run-length encoding ("0* " is 0 repeated 1 + (' ' - 29) times). */
    static String decode(byte[] body) {
        StringBuilder s = new StringBuilder(body.length);
        for (int i = 0; i < body.length; i++) {
            int c = body[i] & 0xff;
            if (c == '}' && i + 1 < body.length) {
                s.append((char) ((body[++i] & 0xff) ^ 0x20));
            } else if (c == '*' && i + 1 < body.length && s.length() > 0) {
                int repeat = (body[++i] & 0xff) - 29;
                char prev = s.charAt(s.length() - 1);
                for (int k = 0; k < repeat; k++) s.append(prev);
            } else {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
