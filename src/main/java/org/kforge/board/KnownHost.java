package org.kforge.board;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * The host key of one image, in a file of its own: trusted and recorded on first use, compared on every
 * later one. A different key is refused (never a silent accept-any); {@link #mismatch()} says so after.
 */
public final class KnownHost implements ServerKeyVerifier {
    private final Path file;
    private volatile String mismatch;

    public KnownHost(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The refused key's SHA256 fingerprint when the last check failed; else null. */
    public String mismatch() {
        return mismatch;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        String line = PublicKeyEntry.toString(key);
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
                Files.writeString(tmp, line + "\n");
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
            if (Files.readString(file).strip().equals(line)) return true;
        } catch (IOException e) {
            mismatch = "unreadable " + file + ": " + e.getMessage();
            return false;
        }
        mismatch = org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(key);
        return false;
    }
}
