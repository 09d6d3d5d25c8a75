package io.stampede.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads the live stream as a browser's EventSource would: events with a name, JSON data and when they came. */
final class SseReader implements AutoCloseable {
    record Event(String name, JsonNode data, long receivedNanos) {
    }

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final InputStream body;
    private final Thread reader;
    final String contentType;

    SseReader(URI events) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(events).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/events answered " + r.statusCode());
        }
        contentType = r.headers().firstValue("Content-Type").orElse("");
        body = r.body();
        reader = Thread.ofVirtual().start(this::read);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    events.add(new Event(name, Http.parse(line.substring(6)), System.nanoTime()));
                    name = "message";
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** The next event named {@code name} (others are skipped), within {@code limit}. */
    Event next(String name, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            Event e = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no '" + name + "' event within " + limit);
            }
            if (e.name().equals(name)) {
                return e;
            }
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
        reader.interrupt();
        client.close();
    }
}
