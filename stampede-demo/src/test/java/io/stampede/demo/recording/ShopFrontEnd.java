package io.stampede.demo.recording;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The demo shop's front end, as a site deploys one: a web server on loopback that serves the page
 * and its assets (test resources under shop-front/) and passes /api/ on to the demo API, so the page
 * calls its API on its own origin (no CORS), and a second server on another port standing for a
 * third-party analytics host. Both count what they receive, by method and path.
 */
final class ShopFrontEnd implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml");
    /** Headers a browser's request carries that the forwarder's own client sets, or that it may not set. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding");

    private final HttpServer site;
    private final HttpServer analytics;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI api;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    ShopFrontEnd(String apiUrl) throws IOException {
        api = URI.create(apiUrl);
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        site.createContext("/", this::serve);
        site.setExecutor(executor);
        site.start();
        analytics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        analytics.createContext("/", exchange -> {
            count("analytics", exchange);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        analytics.setExecutor(executor);
        analytics.start();
    }

    String url() {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }

    String analyticsUrl() {
        return "http://127.0.0.1:" + analytics.getAddress().getPort();
    }

    /** Requests the site ("site") or the analytics host ("analytics") received for {@code method path}. */
    long count(String server, String method, String path) {
        LongAdder n = counts.get(server + " " + method + " " + path);
        return n == null ? 0 : n.sum();
    }

    /** Everything the analytics host received. */
    long analyticsCount() {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith("analytics ")).mapToLong(e -> e.getValue().sum()).sum();
    }

    private void count(String server, HttpExchange exchange) {
        counts.computeIfAbsent(server + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath(),
                k -> new LongAdder()).increment();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            count("site", exchange);
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/api/")) {
                forward(exchange);
                return;
            }
            String name = path.equals("/") ? "index.html" : path.substring(1);
            InputStream file = name.contains("/") ? null : ShopFrontEnd.class.getResourceAsStream("/shop-front/" + name);
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            try (file) {
                body = file.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
                    "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** Passes the request on to the demo API as it came, and its answer back. */
    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(h.getKey().toLowerCase())) {
                h.getValue().forEach(v -> request.header(h.getKey(), v));
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
            return;
        }
        response.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
        byte[] out = response.body();
        exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
    }

    @Override
    public void close() {
        site.stop(0);
        analytics.stop(0);
        client.close();
        executor.shutdownNow();
    }
}
