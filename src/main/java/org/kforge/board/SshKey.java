package org.kforge.board;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.kforge.KforgeException;

/**
 * kforge's own ed25519 key pair, {@code id_ed25519} and {@code id_ed25519.pub} in OpenSSH format: the
 * only key a kforge image accepts. Made once with MINA SSHD, so plain {@code ssh -i} can use it too.
 */
public record SshKey(Path privateKey, KeyPair pair) {
    public static final String FILE = "id_ed25519";

    /** The key in {@code dir}, generated there on first use. */
    public static SshKey inDirectory(Path dir) {
        Path priv = dir.resolve(FILE);
        try {
            if (!Files.isRegularFile(priv)) generate(dir, priv);
            KeyPair kp = new FileKeyPairProvider(priv).loadKeys(null).iterator().next();
            return new SshKey(priv, kp);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw KforgeException.badInput("cannot read or make kforge's ssh key " + priv + ": " + e.getMessage(),
                    "delete " + priv + " and its .pub; kforge makes a new one (rebuild images made with the old one)");
        }
    }

    /** The public line from {@code id_ed25519.pub} (made first if need be), without loading the private key. */
    public static String publicLine(Path dir) {
        Path pub = dir.resolve(FILE + ".pub");
        try {
            if (Files.isRegularFile(dir.resolve(FILE)) && Files.isRegularFile(pub)) return Files.readString(pub).strip();
        } catch (IOException e) {
            // fall through to the full load, which names the problem
        }
        return inDirectory(dir).authorizedKeysLine();
    }

    /** The public half as one {@code authorized_keys} line. */
    public String authorizedKeysLine() {
        return PublicKeyEntry.toString(pair.getPublic()) + " kforge";
    }

    private static void generate(Path dir, Path priv) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPair kp = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        Path tmp = Files.createTempFile(dir, FILE, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(tmp)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "kforge", null, out);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILE + ".pub"))) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePublicKey(kp, "kforge", out);
        }
        Files.move(tmp, priv, StandardCopyOption.ATOMIC_MOVE);
    }
}
