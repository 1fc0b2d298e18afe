package org.kforge.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.console.ConsoleText;
import org.kforge.console.ConsoleWatcher;
import org.kforge.console.RuleBook;
import org.kforge.console.Verdict;
import org.kforge.console.VerdictBuilder;
import org.kforge.profile.BoardConsole;

/**
 * The console readers against real byte streams: a pty pair (socat) replaying a real Raspberry Pi boot log (the
 * shared corpus's rpi2 capture: no Pi 4 capture is in the corpus) in odd-sized chunks with CR/LF noise, read as a
 * serial device; and a TCP server that negotiates telnet options in the middle of the data, as ser2net does.
 */
class ConsoleReaderTest {
    private static final Path LOG = Path.of("../shared/corpus/bootlogs/03-rpi2-uboot-initrd-not-recognised-vfs-ram0/console.log");
    @TempDir Path dir;

    /** The log's lines, each ended by one of the line ends serial consoles and servers really send. */
    private static byte[] noisy(List<String> lines) {
        String[] ends = {"\r\n", "\n", "\n\r", "\r\r\n"};
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) b.writeBytes((lines.get(i) + ends[i % ends.length]).getBytes(StandardCharsets.ISO_8859_1));
        return b.toByteArray();
    }

    private static void replay(byte[] bytes, OutputStream out) throws Exception {
        Random r = new Random(18);
        for (int i = 0; i < bytes.length; ) {
            int n = Math.min(1 + r.nextInt(97), bytes.length - i);
            out.write(bytes, i, n);
            out.flush();
            i += n;
            if (r.nextInt(5) == 0) Thread.sleep(1);
        }
    }

    private record Capture(List<String> lines, ConsoleWatcher watcher, ConsoleFeed feed, ByteArrayOutputStream raw) {
        static Capture start() {
            List<String> lines = new CopyOnWriteArrayList<>();
            ConsoleWatcher w = new ConsoleWatcher(RuleBook.builtIn(), Map.of("console", "ttyAMA0"));
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            ConsoleFeed f = new ConsoleFeed(raw, (line, t) -> {
                lines.add(line);
                w.accept(line, t);
            });
            return new Capture(lines, w, f, raw);
        }

        void await(int count) throws InterruptedException {
            for (int i = 0; i < 300 && lines.size() < count; i++) Thread.sleep(20);
        }
    }

    @Test
    void aPtyPairReplayingAPiBootLogIsReadLineByLineAndJudged() throws Exception {
        assertThat(LOG).as("the shared corpus (../shared/corpus)").exists();
        List<String> want = Files.readAllLines(LOG, StandardCharsets.ISO_8859_1);
        Path board = dir.resolve("board");
        Path host = dir.resolve("host");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + board, "pty,raw,echo=0,link=" + host)
                .redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !(Files.exists(board) && Files.exists(host)); i++) Thread.sleep(50);
            assertThat(host).as("socat made the pty pair").exists();
            Capture c = Capture.start();
            BoardConsole serial = new BoardConsole("ttyAMA0", null, null, null, host.toRealPath().toString(), 115200, null, null, null);
            try (ConsoleReader reader = ConsoleReader.open(serial, c.feed());
                 OutputStream out = Files.newOutputStream(board)) {
                replay(noisy(want), out);
                c.await(want.size());
            }
            assertThat(c.lines()).containsExactlyElementsOf(want);
            Verdict v = VerdictBuilder.decide(c.watcher().events());
            assertThat(v.outcome()).isEqualTo("no-root");
            assertThat(v.firstBadLine().text()).contains("rootfs image is not initramfs");
        } finally {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTelnetServerNegotiatesMidStreamAndTheDataComesThroughWhole() throws Exception {
        List<String> want = Files.readAllLines(LOG, StandardCharsets.ISO_8859_1).subList(0, 60);
        byte[] data = noisy(want);
        // IAC WILL ECHO, IAC WILL SGA, IAC DO TTYPE, an RFC 2217 subnegotiation, IAC IAC (a data 0xFF), IAC NOP
        byte[] telnet = {(byte) 255, (byte) 251, 1, (byte) 255, (byte) 251, 3, (byte) 255, (byte) 253, 24,
            (byte) 255, (byte) 250, 44, 1, 0, 0, 0x1c, 0x20, (byte) 255, (byte) 240, (byte) 255, (byte) 241};
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(data, 0, 700);
        stream.writeBytes(telnet);
        stream.write(data, 700, data.length - 700);
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream(); InputStream in = s.getInputStream()) {
                    replay(stream.toByteArray(), out);
                    s.setSoTimeout(2000);
                    byte[] b = new byte[9];
                    int n = 0;
                    while (n < 9) n += in.read(b, n, 9 - n);
                    answers.write(b, 0, n);
                } catch (Exception e) {
                    // the assertion below says what is missing
                }
            });
            t.start();
            Capture c = Capture.start();
            BoardConsole tcp = new BoardConsole("ttyS0", null, null, null, null, null, "127.0.0.1:" + server.getLocalPort(), true, null);
            try (ConsoleReader reader = ConsoleReader.open(tcp, c.feed())) {
                c.await(want.size());
                t.join(5000);
            }
            assertThat(c.lines()).containsExactlyElementsOf(want);
            assertThat(c.raw().toByteArray()).as("the raw log keeps the bytes, telnet commands out").hasSize(data.length);
        }
        assertThat(answers.toByteArray()).as("DO ECHO, DO SGA, WONT TTYPE")
                .containsExactly(255, 253, 1, 255, 253, 3, 255, 252, 24);
    }

    @Test
    void escapeSequencesNeverReachTheTerminal() {
        assertThat(ConsoleText.printable("\u001B[0;32m  OK  \u001B[0m] Started \u001B]0;title\u0007x")).doesNotContain("\u001B");
        List<String> got = new ArrayList<>();
        ConsoleFeed f = new ConsoleFeed(null, (l, t) -> got.add(l));
        byte[] b = "login: ".getBytes(StandardCharsets.UTF_8);
        try {
            f.accept(b, 0, b.length);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        f.flushPartial(0);
        assertThat(got).containsExactly("login: ");
    }
}
