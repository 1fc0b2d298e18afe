package org.kforge.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.cli.CliRun;

/**
 * kforge pci --ssh against a real in-process SSH server on loopback whose commands run on this
 * machine: the collector's records, carried over SSH, must give what reading /sys here gives.
 */
class RemotePciSnapshotTest {
    private SshServer server;

    private java.nio.file.Path known;

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.stop(true);
        if (known != null) java.nio.file.Files.deleteIfExists(known);
    }

    @Test
    void aBoardOverSshListsWhatItsSysfsHolds() throws Exception {
        SshKey kforgeKey = SshKey.inDirectory(CacheDir.fromEnvironment().dir("ssh"));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(KeyUtils.generateKeyPair("ssh-ed25519", 256)));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, kforgeKey.pair().getPublic()));
        server.setCommandFactory((channel, command) -> new ProcessShellFactory(command, List.of("/bin/sh", "-c", command)).createShell(channel));
        server.start();
        // a new server key each run: an earlier run's server on the same port left its key recorded
        known = CacheDir.fromEnvironment().dir("ssh/known").resolve("127.0.0.1_" + server.getPort());
        java.nio.file.Files.deleteIfExists(known);

        CliRun remote = CliRun.of("pci", "list", "--ssh", "root@127.0.0.1:" + server.getPort());
        CliRun local = CliRun.of("pci", "list");
        assertThat(remote.exitCode()).as(remote.err()).isZero();
        assertThat(remote.out()).isNotBlank().isEqualTo(local.out());
    }

    @Test
    void targetsParseAndBadOnesAreBadInput() {
        assertThat(RemotePciSnapshot.Target.parse("cm4.local")).isEqualTo(new RemotePciSnapshot.Target("root", "cm4.local", 22));
        assertThat(RemotePciSnapshot.Target.parse("pi@10.0.0.7:2222")).isEqualTo(new RemotePciSnapshot.Target("pi", "10.0.0.7", 2222));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RemotePciSnapshot.Target.parse("pi@host:ssh"))
                .isInstanceOf(KforgeException.class).hasMessageContaining("port");
    }

    @Test
    void anUnreachableBoardIsOneLineNamingTheFix() {
        CliRun run = CliRun.of("pci", "list", "--ssh", "root@127.0.0.1:1");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("cannot collect PCI state from root@127.0.0.1:1").contains("authorized_keys")
                .doesNotContain("\tat ");
    }
}
