package org.kforge.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kforge.KforgeException;

/**
 * Reads one board file: unknown keys, bad ports, a missing console are each one line naming the key and the
 * file (exit 2). A file with {@code extends: rpi4} is merged over that shipped profile, key by key.
 */
public final class BoardFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private BoardFile() {
    }

    /** Parses {@code text} from {@code where}; {@code base} finds a shipped profile's tree by name. */
    public static BoardProfile read(String text, String where, String defaultName, Function<String, JsonNode> base) {
        JsonNode tree;
        try {
            YAML.readValue(text, BoardProfile.class); // unknown keys, with their line, before any merge
            tree = YAML.readTree(text);
        } catch (UnrecognizedPropertyException e) {
            throw bad(where, "unknown key '" + path(e) + "'" + keyLine(text, e) + "; known here: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (MismatchedInputException e) {
            throw bad(where, "key '" + path(e) + "'" + line(e) + " has the wrong type: " + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw bad(where, "not YAML" + line(e) + ": " + e.getOriginalMessage().split("\n")[0]);
        }
        if (tree == null || !tree.isObject()) throw bad(where, "expected keys (name:, ssh:, console:...), found none");
        ObjectNode merged = (ObjectNode) tree;
        if (tree.hasNonNull("extends")) {
            JsonNode parent = base.apply(tree.get("extends").asText());
            if (parent == null) throw bad(where, "key 'extends': no shipped board " + tree.get("extends").asText());
            merged = merge(parent.deepCopy(), (ObjectNode) tree);
            merged.remove("aliases");
            if (!tree.hasNonNull("summary")) merged.put("summary", "a " + tree.get("extends").asText() + ": " + parent.path("summary").asText());
            if (!tree.hasNonNull("name")) merged.remove("name");
        }
        if (!merged.hasNonNull("name")) merged.put("name", defaultName);
        BoardProfile p;
        try {
            p = YAML.treeToValue(merged, BoardProfile.class);
        } catch (JsonProcessingException e) {
            throw bad(where, e.getOriginalMessage().split("\n")[0]);
        }
        check(p, where);
        return p.withSource(where);
    }

    /** The fields a board must have and the values they must hold. */
    private static void check(BoardProfile p, String where) {
        BoardConsole c = p.console();
        if (c == null) throw bad(where, "missing key 'console' (the kernel's console device and how kforge reads it)");
        if (c.device() == null) throw bad(where, "missing key 'console.device' (the kernel's name for it: ttyS0, ttyAMA0)");
        int readers = (c.serial() == null ? 0 : 1) + (c.tcp() == null ? 0 : 1) + (c.command() == null ? 0 : 1);
        if (readers > 1) throw bad(where, "keys 'console.serial', 'console.tcp', 'console.command': give one");
        if (c.serial() != null && (c.baud() == null || c.baud() <= 0)) throw bad(where, "key 'console.baud': a serial console needs its baud rate");
        try {
            if (c.tcp() != null) HostPort.parse(c.tcp(), -1, "console.tcp");
            if (p.ssh() != null) p.sshAddress();
        } catch (IllegalArgumentException e) {
            throw bad(where, "key " + e.getMessage());
        }
        BoardPower w = p.power();
        if (w != null && w.pdudaemon() != null) {
            if (w.pdu() == null) throw bad(where, "missing key 'power.pdu' (the PDU's name in pdudaemon's configuration)");
            if (w.port() == null || w.port() < 1) throw bad(where, "key 'power.port': the PDU port (1 or more) is missing");
        }
        if (p.firmware() == null || p.firmware().partition() == null) {
            throw bad(where, "missing key 'firmware.partition' (/boot/firmware on Bookworm, /boot before)");
        }
        if (!p.firmware().partition().startsWith("/")) throw bad(where, "key 'firmware.partition': an absolute path, e.g. /boot/firmware");
    }

    private static ObjectNode merge(ObjectNode into, ObjectNode over) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode mine = into.get(e.getKey());
            if (mine instanceof ObjectNode o && e.getValue() instanceof ObjectNode v) {
                merge(o, v);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
        into.remove("extends");
        return into;
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The line the unknown key is written on (the parser reports where it stopped, often the next line). */
    private static String keyLine(String text, UnrecognizedPropertyException e) {
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("^\\s*(?:-\\s+)?" + java.util.regex.Pattern.quote(e.getPropertyName()) + "\\s*:");
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (key.matcher(lines.get(i)).find()) return " (line " + (i + 1) + ")";
        return line(e);
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static KforgeException bad(String where, String what) {
        return KforgeException.badInput("board file " + where + ": " + what, "kforge profiles lists the shipped boards; see docs/board.md");
    }
}
