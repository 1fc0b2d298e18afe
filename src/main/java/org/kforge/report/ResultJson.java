package org.kforge.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kforge.TerminalText;
import org.kforge.boot.BootResult;
import org.kforge.console.Event;

/** {@code result.json} of a boot; its schema is documented in the README ("result.json"). */
public final class ResultJson {
    public static final int SCHEMA = 1;
    private static final ObjectMapper JSON = org.kforge.Json.json();

    private ResultJson() {
    }

    public static String render(BootResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("outcome", r.verdict().outcome());
        root.put("booted", r.verdict().booted());
        root.put("exit_code", r.exitCode());
        root.put("profile", r.plan().profile().name());
        root.putObject("accel").put("name", r.plan().accel().name()).put("reason", r.plan().accel().reason());
        ObjectNode kernel = root.putObject("kernel").put("path", r.plan().kernel().toString());
        if (r.plan().kernelProvenance() != null) kernel.put("source", r.plan().kernelProvenance());
        root.put("initrd", r.plan().initrd() == null ? null : r.plan().initrd().toString());
        root.put("cmdline", r.plan().cmdline());
        ArrayNode argv = root.putArray("argv");
        r.plan().qemu().argv().forEach(argv::add);
        root.put("run_dir", r.plan().runDir().toString());
        root.put("started_at", r.startedAt().toString());
        root.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        if (r.commandStatus() != null) root.put("command_exit_status", r.commandStatus());
        ArrayNode milestones = root.putArray("milestones");
        ArrayNode failures = root.putArray("failures");
        for (Event e : r.events()) {
            ObjectNode n = (e.isFailure() ? failures : milestones).addObject();
            n.put("id", e.id());
            if (e.isFailure()) n.put("outcome", e.outcome());
            n.put("title", e.title());
            n.put("seconds", Math.round(e.seconds() * 1_000_000) / 1_000_000.0);
            if (e.line() > 0) n.put("line", e.line());
            if (e.text() != null) n.put("text", e.text());
        }
        VerdictJson.put(root.putObject("verdict"), r.verdict());
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(BootResult r, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, render(r) + "\n");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
