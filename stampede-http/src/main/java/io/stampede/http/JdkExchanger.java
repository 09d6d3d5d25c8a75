package io.stampede.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

/** The same contract over the JDK's java.net.http client: the candidate our transport is compared with. */
final class JdkExchanger implements Exchanger {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient client;
    private final HttpClientConfig config;

    JdkExchanger(HttpClient client, HttpClientConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public RawResponse exchange(Outgoing req) throws IOException, InterruptedException {
        String t = req.target();
        URI uri = t.startsWith("http://") || t.startsWith("https://") ? URI.create(t)
                : URI.create(config.baseUri().toString() + (t.startsWith("/") ? t : "/" + t));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(req.readTimeout()).header("User-Agent", config.userAgent());
        List<String> h = req.headers();
        boolean hasType = false;
        for (int i = 0; i < h.size(); i += 2) {
            if (!RESTRICTED.contains(h.get(i).toLowerCase())) {
                b.header(h.get(i), h.get(i + 1));
                hasType |= h.get(i).equalsIgnoreCase("Content-Type");
            }
        }
        if (req.body() != null && !hasType && req.contentType() != null) {
            b.header("Content-Type", req.contentType());
        }
        b.method(req.method(), req.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(req.body()));
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new RawResponse(r.statusCode(), r.statusCode() >= 400 ? "" : null,
                name -> r.headers().firstValue(name).orElse(null), r.body());
    }

    @Override
    public void close() {
        // the HttpClient is shared by the factory
    }
}
