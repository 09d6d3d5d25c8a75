package io.stampede.http;

import java.net.URI;
import java.time.Duration;

/**
 * How users talk HTTP.
 *
 * @param baseUri the target ({@code -H}); relative paths are resolved against it
 * @param connectTimeout TCP (and TLS) connect timeout
 * @param readTimeout how long a response may take, per request unless the script overrides it
 * @param insecure accept any TLS certificate and host name (self-signed test servers)
 * @param maxConnections 0: one keep-alive connection per user, like a browser; N: N connections
 *                       shared by all users, who wait for a free one (the wait counts in the response time)
 * @param userAgent the User-Agent header
 */
public record HttpClientConfig(URI baseUri, Duration connectTimeout, Duration readTimeout, boolean insecure,
                               int maxConnections, String userAgent) {
    public HttpClientConfig {
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException("only http and https are supported: " + baseUri);
        }
    }

    /** Defaults for tests and embedding: 5 s connect, 60 s read, TLS verified, a connection per user. */
    public static HttpClientConfig of(String baseUri) {
        return new HttpClientConfig(URI.create(baseUri), Duration.ofSeconds(5), Duration.ofSeconds(60), false, 0,
                "stampede/0.1");
    }

    public HttpClientConfig withReadTimeout(Duration timeout) {
        return new HttpClientConfig(baseUri, connectTimeout, timeout, insecure, maxConnections, userAgent);
    }

    public HttpClientConfig withMaxConnections(int n) {
        return new HttpClientConfig(baseUri, connectTimeout, readTimeout, insecure, n, userAgent);
    }

    public HttpClientConfig withInsecure(boolean on) {
        return new HttpClientConfig(baseUri, connectTimeout, readTimeout, on, maxConnections, userAgent);
    }
}
