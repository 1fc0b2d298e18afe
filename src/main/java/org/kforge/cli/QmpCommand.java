package org.kforge.cli;

import org.kforge.NumberArg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kforge.KforgeException;
import org.kforge.asset.CacheDir;
import org.kforge.boot.RunRegistry;
import org.kforge.boot.RunSession;
import org.kforge.qemu.QmpClient;
import org.kforge.qemu.QmpError;
import org.kforge.qemu.QmpPci;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "qmp", mixinStandardHelpOptions = true,
        description = {"Send a QMP command to a running twin (the latest boot unless --run-dir).",
                "Named: status, pci, stop, cont, powerdown, reset, memsave ADDR SIZE FILE; any other",
                "word is sent as is, with ARGS as a JSON object (kforge qmp query-cpus-fast)."})
final class QmpCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    private static final ObjectMapper JSON = org.kforge.Json.json();

    @picocli.CommandLine.Mixin
    RunDirOption run = new RunDirOption();
    @Parameters(index = "0", paramLabel = "COMMAND")
    String command;
    @Parameters(index = "1..*", paramLabel = "ARGS", description = "a JSON object, or memsave's ADDR SIZE FILE")
    java.util.List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        RunSession s = run.running();
        try (QmpClient qmp = QmpClient.connect(Path.of(s.qmpSocket()))) {
            switch (command) {
                case "status" -> {
                    JsonNode st = qmp.execute("query-status", null);
                    spec.commandLine().getOut().println(st.path("status").asText());
                }
                case "pci" -> QmpPci.lines(qmp.execute("query-pci", null)).forEach(spec.commandLine().getOut()::println);
                case "stop", "cont" -> {
                    qmp.execute(command, null);
                    spec.commandLine().getOut().println(command.equals("stop") ? "stopped" : "running");
                }
                case "powerdown" -> {
                    qmp.execute("system_powerdown", null);
                    spec.commandLine().getOut().println("ACPI/PSCI power button pressed");
                }
                case "reset" -> {
                    qmp.execute("system_reset", null);
                    spec.commandLine().getOut().println("reset");
                }
                case "memsave" -> memsave(qmp);
                default -> spec.commandLine().getOut().println(JSON.writeValueAsString(
                        qmp.execute(command, arguments())));
            }
            return ExitCode.OK;
        } catch (QmpError e) {
            throw KforgeException.badInput("QMP " + command + ": " + e.getMessage(), null);
        } catch (IOException e) {
            throw new KforgeException(1, "QMP " + command + ": " + e.getMessage(), "is the twin still running? kforge qmp status");
        }
    }

    private void memsave(QmpClient qmp) throws IOException {
        if (args.size() != 3) throw KforgeException.badInput("memsave takes ADDR SIZE FILE", null);
        ObjectNode a = JSON.createObjectNode();
        // QMP's val is an int64: a kernel address above 2^63 travels as its two's complement
        a.put("val", NumberArg.parse("ADDR", args.get(0)));
        a.put("size", NumberArg.parse("SIZE", args.get(1)));
        Path file = Path.of(args.get(2)).toAbsolutePath();
        a.put("filename", file.toString());
        qmp.execute("memsave", a);
        spec.commandLine().getOut().println(args.get(1) + " bytes of guest memory at " + args.get(0) + " saved to " + file);
    }

    private JsonNode arguments() {
        if (args.isEmpty()) return null;
        try {
            JsonNode n = JSON.readTree(String.join(" ", args));
            if (!n.isObject()) throw KforgeException.badInput("QMP arguments must be a JSON object", null);
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw KforgeException.badInput("QMP arguments are not JSON: " + e.getOriginalMessage(), "e.g. '{\"id\": \"net0\"}'");
        }
    }
}
