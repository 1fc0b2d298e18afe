package org.kforge.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.kforge.KforgeException;

/**
 * What a twin's root filesystem image is made of: Debian {@code suite} for {@code arch}, the base
 * packages plus {@code extra}, an ext4 of {@code sizeBytes}, configured by the customize script for
 * the profile's console and root device and kforge's public key. Its {@link #key()} names the image
 * in the cache: change any input (or the script) and it is another image.
 */
public record RootfsSpec(String arch, String suite, List<String> extra, long sizeBytes, String console,
                         String rootDevice, String publicKey) {
    /** A small set that boots to sshd: init, udev for the NIC, the ssh server (networkd comes with systemd). */
    public static final List<String> BASE = List.of("systemd-sysv", "udev", "openssh-server");
    public static final String HOSTNAME = "kforge-twin";
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Pattern SUITE = Pattern.compile("[a-z][a-z0-9-]*");

    public RootfsSpec {
        if (!SUITE.matcher(suite).matches()) throw KforgeException.badInput("--suite " + suite + ": not a Debian suite name", "e.g. bookworm");
        for (String p : extra) {
            if (!PACKAGE.matcher(p).matches()) throw KforgeException.badInput("--include " + p + ": not a Debian package name", null);
        }
        extra = List.copyOf(new TreeSet<>(extra));
    }

    public List<String> packages() {
        List<String> all = new ArrayList<>(BASE);
        extra.stream().filter(p -> !BASE.contains(p)).forEach(all::add);
        return all;
    }

    /** The customize hook with this image's words filled in. */
    public String customizeScript() {
        try (InputStream in = RootfsSpec.class.getResourceAsStream("/image/rootfs-customize.sh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@HOSTNAME@", HOSTNAME)
                    .replace("@ROOTDEV@", rootDevice).replace("@CONSOLE@", console).replace("@PUBKEY@", publicKey);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A hash of every input: arch, suite, packages, size and the filled-in script (key included). */
    public String key() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            String inputs = String.join("\n", arch, suite, String.join(",", packages()), Long.toString(sizeBytes), customizeScript());
            return HexFormat.of().formatHex(d.digest(inputs.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String fileName() {
        return "rootfs-" + suite + "-" + arch + "-" + key() + ".ext4";
    }

    /** "2G", "512M", "1536m", "3000000k" or plain bytes. */
    public static long parseSize(String text) {
        var m = Pattern.compile("([0-9]+)([kmgt]?)(i?b?)").matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw KforgeException.badInput("--size " + text + ": expected a size such as 2G or 1536M", null);
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }
}
