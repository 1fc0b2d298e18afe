package org.kforge.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import java.util.List;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kforge.KforgeException;

/** The SSH layer against a real in-process MINA SSHD server on a free loopback port. */
class SshTargetTest {
    private static final Duration T = Duration.ofSeconds(10);
    @TempDir Path dir;
    private SshServer server;

    private int serve(SshKey clientKey, java.security.KeyPair hostKey) throws Exception {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey.pair().getPublic()));
        // each command through /bin/sh -c, as sshd runs it through the user's shell
        server.setCommandFactory((channel, command) -> new ProcessShellFactory(command, List.of("/bin/sh", "-c", command)).createShell(channel));
        server.start();
        return server.getPort();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.stop(true);
    }

    @Test
    void commandOutputAndExitStatusPassThrough() throws Exception {
        SshKey key = SshKey.inDirectory(dir.resolve("ssh"));
        int port = serve(key, KeyUtils.generateKeyPair("ssh-ed25519", 256));
        KnownHost known = new KnownHost(dir.resolve("known/image"));
        try (SshTarget t = SshTarget.login("127.0.0.1", port, "root", key, known, T)) {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            assertThat(t.exec("echo hello; echo oops >&2; exit 7", out, err, T)).isEqualTo(7);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("oops\n");
            assertThat(t.exec("true", out, err, T)).isZero();
            // the caller's streams stay open (System.out must outlive a command)
            out.reset();
            var closable = new java.io.FilterOutputStream(out) {
                boolean closed;

                @Override
                public void close() {
                    closed = true;
                }
            };
            t.exec("echo again", closable, err, T);
            assertThat(closable.closed).isFalse();
        }
        assertThat(Files.readString(known.file())).startsWith("ssh-ed25519 ");
    }

    @Test
    void aChangedHostKeyIsRefusedWithTheResetHint() throws Exception {
        SshKey key = SshKey.inDirectory(dir.resolve("ssh"));
        KnownHost known = new KnownHost(dir.resolve("known/image"));
        Files.createDirectories(known.file().getParent());
        var recorded = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        Files.writeString(known.file(), org.apache.sshd.common.config.keys.PublicKeyEntry.toString(recorded.getPublic()) + "\n");
        int port = serve(key, KeyUtils.generateKeyPair("ssh-ed25519", 256));
        assertThatThrownBy(() -> SshTarget.login("127.0.0.1", port, "root", key, known, T).close())
                .isInstanceOf(KforgeException.class)
                .hasMessageContaining("is not the one recorded in " + known.file())
                .satisfies(e -> assertThat(((KforgeException) e).hint()).isEqualTo("if the image was rebuilt on purpose: rm " + known.file()));
    }

    @Test
    void aKeyThatIsNotKforgesIsNotLetIn() throws Exception {
        SshKey key = SshKey.inDirectory(dir.resolve("ssh"));
        SshKey other = SshKey.inDirectory(dir.resolve("other"));
        int port = serve(key, KeyUtils.generateKeyPair("ssh-ed25519", 256));
        assertThatThrownBy(() -> SshTarget.login("127.0.0.1", port, "root", other, new KnownHost(dir.resolve("k")), T).close())
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void theKeyIsMadeOnceAndReadBackInOpenSshFormat() throws Exception {
        SshKey a = SshKey.inDirectory(dir);
        SshKey b = SshKey.inDirectory(dir);
        assertThat(b.authorizedKeysLine()).isEqualTo(a.authorizedKeysLine()).startsWith("ssh-ed25519 ");
        assertThat(SshKey.publicLine(dir)).isEqualTo(a.authorizedKeysLine());
        assertThat(Files.readString(dir.resolve("id_ed25519"))).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("id_ed25519"))))
                .isEqualTo("rw-------");
    }
}
