package io.stampede.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** A small HTTP client for the web UI's endpoints, as a script would call them. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String authorization;

    Http(URI base) {
        this(base, null);
    }

    Http(URI base, String userPassword) {
        this.base = base;
        this.authorization = userPassword == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return post(path, form, Map.of());
    }

    HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST /swarm with Locust's form fields. */
    HttpResponse<String> swarm(String users, String spawnRate) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("user_count", users);
        form.put("spawn_rate", spawnRate);
        return post("swarm", form);
    }

    JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static JsonNode parse(String body) throws IOException {
        return JSON.readTree(body);
    }

    /** Asks /stats/requests until {@code done} holds, for at most {@code limit}; returns the last answer. */
    JsonNode statsUntil(Predicate<JsonNode> done, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        JsonNode last = json("stats/requests");
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + limit + "; last /stats/requests: " + last);
            }
            Thread.sleep(100);
            last = json("stats/requests");
        }
        return last;
    }

    static JsonNode aggregated(JsonNode stats) {
        for (JsonNode row : stats.get("stats")) {
            if (row.get("name").asText().equals("Aggregated") && row.get("method").isNull()) {
                return row;
            }
        }
        throw new AssertionError("no Aggregated row in " + stats);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }
}
