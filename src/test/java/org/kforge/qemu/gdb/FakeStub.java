package org.kforge.qemu.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A small in-process gdbstub speaking the real framing on a loopback port: it answers each packet
 * through a function (null: no answer, as a running target), and can corrupt its first reply, NAK the client's first packet, or hang up.
 */
final class FakeStub implements AutoCloseable {
    final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final ServerSocket server;
    private final Thread thread;
    volatile boolean corruptFirstReply;
    volatile boolean nakFirstPacket;
    volatile String hangUpOn;
    volatile int naksSent;
    volatile int resendsAsked;

    FakeStub(Function<String, String> answers) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(answers), "fake-gdbstub");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(Function<String, String> answers) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            boolean noAck = false;
            boolean firstReply = true;
            while (true) {
                int c = in.read();
                if (c < 0) return;
                if (c != '$') continue;
                StringBuilder p = new StringBuilder();
                while ((c = in.read()) != '#') p.append((char) c);
                in.read();
                in.read();
                if (nakFirstPacket && naksSent == 0) {
                    naksSent++;
                    out.write('-');
                    continue;
                }
                if (!noAck) out.write('+');
                String packet = p.toString();
                received.add(packet);
                if (packet.equals(hangUpOn)) return;
                String reply = packet.equals("QStartNoAckMode") ? "OK" : answers.apply(packet);
                if (reply == null) continue; // a target that runs and never stops
                byte[] framed = RspConnection.frame(reply);
                if (corruptFirstReply && firstReply) {
                    byte[] bad = framed.clone();
                    bad[bad.length - 1] = (byte) (bad[bad.length - 1] == '0' ? '1' : '0');
                    out.write(bad);
                    out.flush();
                    if (in.read() == '-') resendsAsked++;
                }
                firstReply = false;
                out.write(framed);
                out.flush();
                if (!noAck && in.read() != '+') return;
                if (packet.equals("QStartNoAckMode")) noAck = true;
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
