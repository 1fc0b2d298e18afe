package org.kforge.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kforge.Json;
import org.kforge.KforgeException;

/**
 * A LAVA server's REST API (lava_rest_app, v0.2) with a user's token ({@code Authorization: Token ...}): submit a job
 * ({@code POST /api/v0.2/jobs/}), read its state and health ({@code /jobs/ID/}), its log ({@code /jobs/ID/logs/},
 * the records lava-run wrote) and LAVA's own result for the job (the {@code job} case of {@code /jobs/ID/tests/}).
 */
public final class LavaServer {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public LavaServer(String url, String token) {
        URI u;
        try {
            u = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw KforgeException.badInput("--server " + url + ": not a URL", "--server http://lava.example:8000");
        }
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
            throw KforgeException.badInput("--server " + url + ": not an http(s) URL", "--server http://lava.example:8000");
        }
        if (token == null || token.isBlank()) throw KforgeException.badInput("no --token", "a LAVA user's API token (the server's Profile page, or lava-server manage tokens add)");
        this.base = u;
        this.token = token.strip();
    }

    /** A job's state on the server: Submitted, Scheduling, Scheduled, Running, Canceling, Finished; health once finished. */
    public record JobState(int id, String state, String health, String deviceType, String device, String failureComment) {
        public boolean finished() {
            return "Finished".equals(state);
        }
    }

    /** Submits a job definition; returns the ids LAVA gave (one, or one per node of a multinode job). */
    public List<Integer> submit(String definition) {
        ObjectNode body = Json.wire().createObjectNode().put("definition", definition);
        JsonNode r = send(HttpRequest.newBuilder(api("jobs/")).POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json"), "submitting the job");
        List<Integer> ids = new ArrayList<>();
        r.path("job_ids").forEach(n -> ids.add(n.asInt()));
        if (ids.isEmpty()) throw new KforgeException(1, "the LAVA server took no job: " + r.path("message").asText(r.toString()), null);
        return ids;
    }

    public JobState job(int id) {
        JsonNode j = send(HttpRequest.newBuilder(api("jobs/" + id + "/")).GET(), "reading job " + id);
        return new JobState(id, j.path("state").asText(), j.path("health").asText(), j.path("requested_device_type").asText(null),
                j.path("actual_device").asText(null), j.path("failure_comment").isNull() ? null : j.path("failure_comment").asText(null));
    }

    /** The job's log as lava-run wrote it (a YAML list of records). */
    public String log(int id) {
        return text(HttpRequest.newBuilder(api("jobs/" + id + "/logs/")).GET(), "reading job " + id + "'s log");
    }

    /** LAVA's own result of a finished job: its health, and the job case's error type and message. */
    public LavaResult result(JobState job) {
        JsonNode tests = send(HttpRequest.newBuilder(api("jobs/" + job.id() + "/tests/?name=job")).GET(), "reading job " + job.id() + "'s results");
        String type = null;
        String msg = job.failureComment();
        for (JsonNode t : tests.path("results")) {
            if (!t.path("name").asText().equals("job")) continue;
            try {
                JsonNode meta = Json.yamlData().readTree(t.path("metadata").asText(""));
                if (meta != null && meta.hasNonNull("error_type")) type = meta.get("error_type").asText();
                if (meta != null && meta.hasNonNull("error_msg")) msg = meta.get("error_msg").asText();
            } catch (IOException e) {
                // metadata LAVA did not write as YAML: the health alone
            }
        }
        boolean pass = "Complete".equals(job.health());
        return new LavaResult(pass ? "pass" : "fail", pass ? null : (type == null ? job.health() : type), pass ? null : msg);
    }

    private URI api(String path) {
        return base.resolve("api/v0.2/" + path);
    }

    private JsonNode send(HttpRequest.Builder req, String what) {
        String body = text(req, what);
        try {
            return Json.wire().readTree(body);
        } catch (IOException e) {
            throw new KforgeException(3, what + ": the server's answer is not JSON (is " + base + " a LAVA server?)", "--server names the LAVA server's base URL");
        }
    }

    private String text(HttpRequest.Builder req, String what) {
        HttpResponse<String> r;
        try {
            r = http.send(req.header("Authorization", "Token " + token).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KforgeException(3, what + ": cannot reach " + base + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", "check --server and that the LAVA server runs");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KforgeException(3, what + ": interrupted", null);
        }
        int code = r.statusCode();
        if (code == 401 || code == 403) {
            throw KforgeException.badInput(what + ": the server refused the token (HTTP " + code + ")", "give --token a valid API token of a LAVA user");
        }
        if (code == 404) throw KforgeException.badInput(what + ": not found on " + base + " (HTTP 404)", "check the job id and --server");
        if (code == 400) throw KforgeException.badInput(what + ": the server refused it: " + oneLine(r.body()), "the server names what it lacks or refuses (a device type it has no device of, a field it does not know)");
        if (code / 100 != 2) throw new KforgeException(3, what + ": HTTP " + code + " from " + base + ": " + oneLine(r.body()), null);
        return r.body();
    }

    private static String oneLine(String body) {
        String s = body.replaceAll("\\s+", " ").strip();
        return org.kforge.TerminalText.visible(s.length() > 300 ? s.substring(0, 300) + "..." : s);
    }
}
