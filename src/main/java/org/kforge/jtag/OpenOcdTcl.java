package org.kforge.jtag;

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
 * OpenOCD's TCL server (doc "Tcl Scripting API": a command ends with byte 0x1a, and so does its
 * answer). {@link #command} tells a failed command from a result with {@code catch}, which the raw
 * protocol does not: both come back as plain text.
 */
public final class OpenOcdTcl implements Closeable {
    public static final int END = 0x1a;
    private static final String FAILED = "1:";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private OpenOcdTcl(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static OpenOcdTcl connect(String host, int port, Duration timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            return new OpenOcdTcl(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** How long an answer may take (OpenOCD answers only once its own init has finished). */
    public void timeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** Sends one command as is and returns the text OpenOCD answered, without its 0x1a. */
    public String raw(String command) throws IOException {
        if (command.indexOf(END) >= 0) throw new IllegalArgumentException("a TCL command cannot hold byte 0x1a");
        out.write(command.getBytes(StandardCharsets.UTF_8));
        out.write(END);
        out.flush();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            for (int c; (c = in.read()) != END; ) {
                if (c < 0) throw new IOException("OpenOCD closed its TCL connection (did it exit?)");
                answer.write(c);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("OpenOCD did not answer '" + command + "' within " + socket.getSoTimeout() + " ms");
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** Runs a command and returns its result; a TCL error becomes a {@link TclError} with OpenOCD's message. */
    public String command(String command) throws IOException {
        String answer = raw("format \"%d:%s\" [catch {" + command + "} kforge_result] $kforge_result");
        if (answer.startsWith(FAILED)) throw new TclError(command, answer.substring(FAILED.length()));
        if (!answer.startsWith("0:")) throw new IOException("OpenOCD answered '" + answer + "' to a catch");
        return answer.substring(2);
    }

    /** A command OpenOCD ran and rejected (an unknown command, a bad argument). */
    public static final class TclError extends IOException {
        public TclError(String command, String message) {
            super(command + ": " + message);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
