package org.kforge.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kforge.KforgeException;

class RootfsSpecTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEu7gIW2aRqbBC4D0DcZAGCOvwpW0Ar0pU7m9CTcn3XP kforge";

    private static RootfsSpec spec(String suite, List<String> extra, long size, String key) {
        return new RootfsSpec("arm64", suite, extra, size, "ttyAMA0", "/dev/vda", key);
    }

    @Test
    void theCacheKeyFollowsEveryInputAndNothingElse() {
        RootfsSpec a = spec("bookworm", List.of("less", "vim-tiny"), 2L << 30, KEY);
        assertThat(spec("bookworm", List.of("vim-tiny", "less", "less"), 2L << 30, KEY).key()).as("order and repeats")
                .isEqualTo(a.key());
        assertThat(spec("trixie", List.of("less", "vim-tiny"), 2L << 30, KEY).key()).isNotEqualTo(a.key());
        assertThat(spec("bookworm", List.of("less"), 2L << 30, KEY).key()).isNotEqualTo(a.key());
        assertThat(spec("bookworm", List.of("less", "vim-tiny"), 1L << 30, KEY).key()).isNotEqualTo(a.key());
        assertThat(spec("bookworm", List.of("less", "vim-tiny"), 2L << 30, KEY.replace('X', 'Y')).key()).isNotEqualTo(a.key());
        assertThat(a.fileName()).matches("rootfs-bookworm-arm64-[0-9a-f]{16}\\.ext4");
    }

    @Test
    void theScriptCarriesTheProfileAndTheKey() {
        String script = spec("bookworm", List.of(), 1L << 30, KEY).customizeScript();
        assertThat(script).contains("echo '" + KEY + "' > \"$R/root/.ssh/authorized_keys\"")
                .contains("serial-getty@ttyAMA0.service").contains("echo '/dev/vda / ext4 defaults 0 1'")
                .contains("Name=en* eth*").contains("PasswordAuthentication no").doesNotContainPattern("@(HOSTNAME|ROOTDEV|CONSOLE|PUBKEY)@");
    }

    @Test
    void basePackagesComeFirstAndOnce() {
        assertThat(spec("bookworm", List.of("udev", "less"), 1L << 30, KEY).packages())
                .containsExactly("systemd-sysv", "udev", "openssh-server", "less");
    }

    @Test
    void sizesAndNamesAreChecked() {
        assertThat(RootfsSpec.parseSize("2G")).isEqualTo(2L << 30);
        assertThat(RootfsSpec.parseSize("1536M")).isEqualTo(1536L << 20);
        assertThat(RootfsSpec.parseSize("1536MiB")).isEqualTo(1536L << 20);
        assertThatThrownBy(() -> RootfsSpec.parseSize("big")).isInstanceOf(KforgeException.class).hasMessageContaining("--size big");
        assertThatThrownBy(() -> spec("Bookworm;rm", List.of(), 1L << 30, KEY)).hasMessageContaining("not a Debian suite name");
        assertThatThrownBy(() -> spec("bookworm", List.of("a b"), 1L << 30, KEY)).hasMessageContaining("not a Debian package name");
    }
}
