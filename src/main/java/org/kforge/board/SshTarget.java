package org.kforge.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.common.util.io.input.NoCloseInputStream;
import org.apache.sshd.common.util.io.output.NoCloseOutputStream;
import org.kforge.KforgeException;

/**
 * One SSH login to a target (a twin's forwarded port, or a board) as {@code user} with kforge's key,
 * the server's key checked against its {@link KnownHost}. Client side of Apache MINA SSHD.
 */
public final class SshTarget implements AutoCloseable {
    private final SshClient client;
    private final ClientSession session;

    private SshTarget(SshClient client, ClientSession session) {
        this.client = client;
        this.session = session;
    }

    /** Connects and authenticates; a refused host key is an error that says how to reset it. */
    public static SshTarget login(String host, int port, String user, SshKey key, KnownHost known, Duration timeout)
            throws IOException {
        SshClient client = client(known);
        try {
            return new SshTarget(client, session(client, host, port, user, key, known, timeout));
        } catch (IOException | RuntimeException e) {
            client.stop();
            throw e;
        }
    }

    /** A started client that checks host keys with {@code known}; one can serve many logins. */
    public static SshClient client(KnownHost known) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(known);
        client.start();
        return client;
    }

    /** A login on a shared {@link #client}; closing the target leaves the client running. */
    public static SshTarget login(SshClient shared, String host, int port, String user, SshKey key, KnownHost known,
                                  Duration timeout) throws IOException {
        return new SshTarget(null, session(shared, host, port, user, key, known, timeout));
    }

    private static ClientSession session(SshClient client, String host, int port, String user, SshKey key, KnownHost known,
                                         Duration timeout) throws IOException {
        ClientSession s = client.connect(user, host, port).verify(timeout).getSession();
        try {
            s.addPublicKeyIdentity(key.pair());
            s.auth().verify(timeout);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close(true);
            if (known.mismatch() != null) {
                throw KforgeException.badInput("the host key of " + host + ":" + port + " is not the one recorded in "
                        + known.file() + " (it sent " + known.mismatch() + ")",
                        "if the image was rebuilt on purpose: rm " + known.file());
            }
            throw e;
        }
    }

    /** Runs one command; its output goes to {@code out} and {@code err}; returns its exit status. */
    public int exec(String command, OutputStream out, OutputStream err, Duration timeout) throws IOException {
        return exec(command, null, out, err, timeout);
    }

    /** Runs a command and returns its stdout; a non-zero status is an IOException with its last stderr line. */
    public String output(String command, Duration timeout) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int status = exec(command, null, out, err, timeout);
        if (status != 0) {
            var lines = err.toString(java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            throw new IOException("'" + command + "' exited " + status + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1)));
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Copies a local file to {@code remote} over SFTP, calling {@code progress} with the bytes sent so far. */
    public void upload(java.nio.file.Path local, String remote, java.util.function.LongConsumer progress) throws IOException {
        try (var sftp = org.apache.sshd.sftp.client.SftpClientFactory.instance().createSftpClient(session);
             InputStream in = java.nio.file.Files.newInputStream(local);
             OutputStream o = sftp.write(remote)) {
            byte[] buf = new byte[64 * 1024];
            long sent = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                o.write(buf, 0, n);
                sent += n;
                progress.accept(sent);
            }
        }
    }

    /** Runs a command with {@code in} as its stdin (null: none). */
    public int exec(String command, InputStream in, OutputStream out, OutputStream err, Duration timeout) throws IOException {
        try (ChannelExec ch = session.createExecChannel(command)) {
            if (in != null) ch.setIn(in);
            // MINA closes the streams it is given when the channel closes: not System.out
            ch.setOut(new NoCloseOutputStream(out));
            ch.setErr(new NoCloseOutputStream(err));
            ch.open().verify(Duration.ofSeconds(10));
            var events = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS),
                    timeout == null ? 0 : timeout.toMillis());
            if (events.contains(ClientChannelEvent.TIMEOUT)) throw new IOException("the command ran longer than " + timeout);
            ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), 2000);
            Integer status = ch.getExitStatus();
            // a command killed by a signal has no exit status; the shell's convention is 128 + signal
            return status != null ? status : 255;
        }
    }

    /** An interactive shell on a PTY of {@code term}, {@code columns} x {@code rows}; returns its exit status. */
    public int shell(InputStream in, OutputStream out, OutputStream err, String term, int columns, int rows) throws IOException {
        PtyChannelConfiguration pty = new PtyChannelConfiguration();
        pty.setPtyType(term);
        pty.setPtyColumns(columns);
        pty.setPtyLines(rows);
        try (ChannelShell ch = session.createShellChannel(pty, java.util.Map.of())) {
            ch.setIn(new NoCloseInputStream(in));
            ch.setOut(new NoCloseOutputStream(out));
            ch.setErr(new NoCloseOutputStream(err));
            ch.open().verify(Duration.ofSeconds(10));
            ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), 0);
            Integer status = ch.getExitStatus();
            return status != null ? status : 0;
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (IOException ignored) {
            // closing a session that is already gone
        }
        if (client != null) client.stop();
    }
}
