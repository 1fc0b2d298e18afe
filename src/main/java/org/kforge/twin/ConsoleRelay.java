package org.kforge.twin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The twin's serial console as a lab's ser2net gives it: a TCP port on loopback that stays up across power
 * cycles, relaying the UART (QEMU's chardev socket) both ways, every byte also appended raw to a log. A line
 * the kernel prints last before a restart is handed to {@code onLine} (the firmware stand-in reads it).
 */
final class ConsoleRelay implements AutoCloseable {
    private final ServerSocket server;
    private final OutputStream log;
    private final Consumer<String> onLine;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private volatile SocketChannel uart;
    private final StringBuilder line = new StringBuilder();

    ConsoleRelay(int port, OutputStream log, Consumer<String> onLine) throws IOException {
        this.server = new ServerSocket(port, 8, InetAddress.getLoopbackAddress());
        this.log = log;
        this.onLine = onLine;
        Thread t = new Thread(this::accept, "twin-console-accept");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                clients.add(s);
                Thread in = new Thread(() -> fromClient(s), "twin-console-client");
                in.setDaemon(true);
                in.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** What a client types goes to the UART while the board is on, and nowhere while it is off. */
    private void fromClient(Socket s) {
        byte[] buf = new byte[1024];
        try (InputStream in = s.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                SocketChannel u = uart;
                if (u != null) {
                    try {
                        u.write(java.nio.ByteBuffer.wrap(buf, 0, n));
                    } catch (IOException off) {
                        // the board went off under the typing
                    }
                }
            }
        } catch (IOException e) {
            // the client left
        } finally {
            clients.remove(s);
        }
    }

    /** Connects to QEMU's UART socket (QEMU waits for this before it runs the guest) and relays until it closes. */
    void attach(Path uartSocket, long timeoutMillis) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        SocketChannel ch = null;
        while (ch == null) {
            try {
                SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
                c.connect(UnixDomainSocketAddress.of(uartSocket));
                ch = c;
            } catch (IOException notYet) {
                if (System.currentTimeMillis() > end) throw new IOException("QEMU's UART socket " + uartSocket + " did not open");
                Thread.sleep(20);
            }
        }
        uart = ch;
        SocketChannel mine = ch;
        Thread t = new Thread(() -> relay(mine), "twin-console-uart");
        t.setDaemon(true);
        t.start();
    }

    private void relay(SocketChannel ch) {
        byte[] buf = new byte[8192];
        try (InputStream in = Channels.newInputStream(ch)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (log) {
                    log.write(buf, 0, n);
                    log.flush();
                }
                for (Socket c : clients) {
                    try {
                        c.getOutputStream().write(buf, 0, n);
                    } catch (IOException gone) {
                        clients.remove(c);
                    }
                }
                lines(buf, n);
            }
        } catch (IOException e) {
            // QEMU ended: the board is off until the stand-in powers it on
        } finally {
            if (uart == ch) uart = null;
        }
    }

    private void lines(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            char c = (char) (buf[i] & 0xFF);
            if (c == '\n') {
                onLine.accept(line.toString());
                line.setLength(0);
            } else if (c != '\r' && line.length() < 4096) {
                line.append(c);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket c : clients) c.close();
        SocketChannel u = uart;
        if (u != null) u.close();
    }
}
