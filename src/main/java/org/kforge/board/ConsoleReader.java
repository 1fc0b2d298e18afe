package org.kforge.board;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.kforge.KforgeException;
import org.kforge.profile.BoardConsole;
import org.kforge.profile.HostPort;

/**
 * Reads a board's console as its profile says — a serial device (jSerialComm), a TCP serial server (telnet
 * negotiation answered when the profile says telnet), or a command's stdout — into a {@link ConsoleFeed},
 * on a thread of its own, until closed or the source ends.
 */
public final class ConsoleReader implements AutoCloseable {
    private final String what;
    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable resource;
    private final TelnetFilter telnet;
    private final Thread thread;
    private volatile boolean ended;
    private volatile boolean closing;

    private ConsoleReader(String what, InputStream in, OutputStream out, AutoCloseable resource, TelnetFilter telnet, ConsoleFeed feed) {
        this.what = what;
        this.in = in;
        this.out = out;
        this.resource = resource;
        this.telnet = telnet;
        this.thread = new Thread(() -> pump(feed), "board-console");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens the console the profile names; a reader that cannot open is exit 1 (the board's side) with what to check. */
    public static ConsoleReader open(BoardConsole c, ConsoleFeed feed) {
        try {
            if (c.tcp() != null) {
                HostPort hp = HostPort.parse(c.tcp(), -1, "console.tcp");
                Socket s = new Socket();
                s.connect(new InetSocketAddress(hp.host(), hp.port()), 5000);
                s.setTcpNoDelay(true);
                return new ConsoleReader("tcp " + hp, s.getInputStream(), s.getOutputStream(), s,
                        c.telnetFraming() ? new TelnetFilter() : null, feed);
            }
            if (c.command() != null) {
                Process p = new ProcessBuilder("sh", "-c", c.command()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                return new ConsoleReader("command " + c.command(), p.getInputStream(), p.getOutputStream(), p::destroy, null, feed);
            }
            if (c.serial() != null) {
                SerialPort port = SerialPort.getCommPort(c.serial());
                port.setComPortParameters(c.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
                port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 0, 0);
                if (!port.openPort()) {
                    throw new IOException("cannot open " + c.serial() + " (is it there? is it yours: the dialout group?)");
                }
                return new ConsoleReader("serial " + c.serial(), port.getInputStream(), port.getOutputStream(), port::closePort, null, feed);
            }
        } catch (IOException e) {
            throw new KforgeException(1, "the console (" + c.reader() + ") cannot be read: " + e.getMessage(),
                    "check the board file's console: and that nothing else holds the console");
        }
        throw KforgeException.badInput("the board's profile gives no console reader", "add console: serial:, tcp: or command: to its board file");
    }

    private void pump(ConsoleFeed feed) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n == 0) continue;
                if (telnet != null) {
                    n = telnet.filter(buf, n);
                    byte[] r = telnet.takeReplies();
                    if (r.length > 0) {
                        out.write(r);
                        out.flush();
                    }
                }
                if (n > 0) feed.accept(buf, 0, n);
            }
        } catch (IOException e) {
            // the source ended or was closed
        } finally {
            ended = true;
        }
    }

    /** Sends keystrokes to the board (a telnet 0xFF doubled). */
    public void write(byte[] b, int len) throws IOException {
        if (telnet == null) {
            out.write(b, 0, len);
        } else {
            for (int i = 0; i < len; i++) {
                out.write(b[i]);
                if ((b[i] & 0xFF) == TelnetFilter.IAC) out.write(b[i]);
            }
        }
        out.flush();
    }

    /** True once the source has ended (a closed socket, an exited command) and not by {@link #close}. */
    public boolean ended() {
        return ended && !closing;
    }

    public String what() {
        return what;
    }

    @Override
    public void close() {
        closing = true;
        try {
            resource.close();
        } catch (Exception ignored) {
            // already gone
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
