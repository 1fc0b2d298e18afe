package org.kforge.profile;

/** {@code [user@]host[:port]} as a board file writes it; user root and port 22 unless given. */
public record SshAddress(String user, String host, int port) {

    /** Parses an address; a bad one is an {@link IllegalArgumentException} naming {@code key}. */
    public static SshAddress parse(String text, String key) {
        String s = text.strip();
        String user = "root";
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            user = s.substring(0, at);
            s = s.substring(at + 1);
        }
        HostPort hp = HostPort.parse(s, 22, key);
        if (user.isEmpty()) throw new IllegalArgumentException(key + ": empty user in '" + text + "'");
        return new SshAddress(user, hp.host(), hp.port());
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
