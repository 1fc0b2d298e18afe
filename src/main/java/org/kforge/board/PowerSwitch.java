package org.kforge.board;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.kforge.KforgeException;
import org.kforge.profile.BoardPower;

/**
 * Switches a board's power as its profile says: shell commands (ktest's POWER_CYCLE, LAVA's power_on), a
 * pdudaemon's HTTP API ({@code GET /power/control/on|off|reboot?hostname=PDU&port=N}, pdudaemon's README), or
 * a twin's firmware stand-in. Returns what happened in one line; a failure is the target's (exit 1).
 */
public final class PowerSwitch {
    public static final List<String> ACTIONS = List.of("on", "off", "cycle");
    private final BoardPower power;
    private final String board;

    public PowerSwitch(BoardPower power, String board) {
        this.power = power;
        this.board = board;
    }

    public boolean canSwitch() {
        return power != null && (power.twin() != null || power.pdudaemon() != null || power.cycle() != null
                || (power.on() != null && power.off() != null));
    }

    public String apply(String action) throws InterruptedException {
        if (!ACTIONS.contains(action)) throw KforgeException.badInput("power " + action + ": expected on, off or cycle", null);
        if (!canSwitch()) {
            throw KforgeException.badInput("board " + board + " has no power switch in its profile",
                    "add power: {cycle: COMMAND} or power: {pdudaemon: URL, pdu: NAME, port: N} to its board file");
        }
        if (power.twin() != null) return twin(action);
        if (power.pdudaemon() != null) return pdu(action);
        return commands(action);
    }

    private String twin(String action) {
        try {
            String answer = TwinControl.request(Path.of(power.twin()), action);
            if (answer.startsWith("error")) throw new KforgeException(1, "twin power " + action + ": " + answer, null);
            return answer;
        } catch (IOException e) {
            throw new KforgeException(1, "the twin's stand-in does not answer (" + e.getMessage() + ")", "kforge board start " + board);
        }
    }

    private String pdu(String action) throws InterruptedException {
        String command = action.equals("cycle") ? "reboot" : action;
        String url = power.pdudaemon().replaceAll("/+$", "") + "/power/control/" + command + "?hostname="
                + java.net.URLEncoder.encode(power.pdu(), StandardCharsets.UTF_8) + "&port=" + power.port();
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new KforgeException(1, "pdudaemon answered " + r.statusCode() + " to " + url + ": " + r.body().strip(), null);
            }
            return "pdudaemon: " + command + " queued for " + power.pdu() + " port " + power.port();
        } catch (IOException e) {
            throw new KforgeException(1, "pdudaemon at " + power.pdudaemon() + " does not answer (" + e.getMessage() + ")",
                    "is pdudaemon running? systemctl status pdudaemon");
        }
    }

    private String commands(String action) throws InterruptedException {
        if (action.equals("cycle") && power.cycle() == null) {
            run(power.off(), "off");
            Thread.sleep(2000);
            run(power.on(), "on");
            return "off, then on (commands)";
        }
        String cmd = switch (action) {
            case "on" -> power.on();
            case "off" -> power.off();
            default -> power.cycle();
        };
        if (cmd == null) throw KforgeException.badInput("board " + board + " has no power." + action + " command", null);
        run(cmd, action);
        return action + " (command)";
    }

    private static void run(String command, String action) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (rc != 0) {
                List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
                throw new KforgeException(1, "power " + action + " command failed (exit " + rc + "): "
                        + (lines.isEmpty() ? command : org.kforge.console.ConsoleText.printable(lines.get(lines.size() - 1))), null);
            }
        } catch (IOException e) {
            throw KforgeException.hostMissing("cannot run sh for the power command", null);
        }
    }
}
