package org.kforge.profile;

/** A TCP endpoint {@code host:port} (a bracketed IPv6 host too); the port must be 1-65535. */
public record HostPort(String host, int port) {

    public static HostPort parse(String text, int defaultPort, String key) {
        String s = text.strip();
        String host = s;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) throw new IllegalArgumentException(key + ": unclosed '[' in '" + text + "'");
            host = s.substring(1, close);
            if (s.length() > close + 1) {
                if (s.charAt(close + 1) != ':') throw new IllegalArgumentException(key + ": expected host:port, got '" + text + "'");
                port = s.substring(close + 2);
            }
        } else if (s.indexOf(':') >= 0) {
            host = s.substring(0, s.lastIndexOf(':'));
            port = s.substring(s.lastIndexOf(':') + 1);
        }
        if (host.isEmpty()) throw new IllegalArgumentException(key + ": no host in '" + text + "'");
        if (port == null) {
            if (defaultPort < 0) throw new IllegalArgumentException(key + ": no port in '" + text + "' (host:port)");
            return new HostPort(host, defaultPort);
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": port '" + port + "' is not a number");
        }
        if (p < 1 || p > 65535) throw new IllegalArgumentException(key + ": port " + p + " is not a TCP port (1-65535)");
        return new HostPort(host, p);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
