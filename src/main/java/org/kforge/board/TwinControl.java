package org.kforge.board;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Asks a twin's firmware stand-in one power request on its unix socket and returns its one-line answer. */
public final class TwinControl {
    private TwinControl() {
    }

    public static String request(Path socket, String request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
            String answer = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8)).readLine();
            if (answer == null) throw new IOException("the twin's stand-in closed without an answer");
            return answer;
        }
    }
}
