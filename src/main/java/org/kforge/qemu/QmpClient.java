package org.kforge.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A QMP client: JSON lines over QEMU's unix socket (docs/interop/qmp-spec.rst). Reads the greeting,
 * negotiates capabilities, then runs commands one at a time, skipping asynchronous events.
 */
public final class QmpClient implements Closeable {
    private static final ObjectMapper JSON = org.kforge.Json.wire();
    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    private QmpClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(channel);
    }

    public static QmpClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        QmpClient c = new QmpClient(ch);
        JsonNode greeting = c.readMessage();
        if (!greeting.has("QMP")) throw new IOException("not a QMP greeting: " + greeting);
        c.execute("qmp_capabilities", null);
        return c;
    }

    /** Runs one command and returns its {@code return} value; a QMP error becomes an IOException. */
    public JsonNode execute(String command, JsonNode arguments) throws IOException {
        var request = JSON.createObjectNode().put("execute", command);
        if (arguments != null) request.set("arguments", arguments);
        out.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (true) {
            JsonNode reply = readMessage();
            if (reply.has("return")) return reply.get("return");
            if (reply.has("error")) {
                throw new QmpError(reply.get("error").path("desc").asText());
            }
            // an asynchronous event (SHUTDOWN, STOP...): not the answer
        }
    }

    /** The next asynchronous event (SHUTDOWN, RESET...), waiting for it; an IOException when QEMU has gone. */
    public JsonNode nextEvent() throws IOException {
        while (true) {
            JsonNode m = readMessage();
            if (m.has("event")) return m;
        }
    }

    private JsonNode readMessage() throws IOException {
        String line = in.readLine();
        if (line == null) throw new IOException("QEMU closed the QMP socket");
        return JSON.readTree(line);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
