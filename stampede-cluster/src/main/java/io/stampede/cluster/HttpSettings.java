package io.stampede.cluster;

import java.time.Duration;

/**
 * How a worker's users talk HTTP, as plain values: this module knows no transport, so the worker's
 * caller turns these into its own client configuration (stampede-http's {@code HttpClientConfig}).
 */
public record HttpSettings(String baseUri, Duration connectTimeout, Duration readTimeout, boolean insecure,
                           int maxConnections, String userAgent, boolean http2) {
    /** HTTP/1.1, the default. */
    public HttpSettings(String baseUri, Duration connectTimeout, Duration readTimeout, boolean insecure,
                        int maxConnections, String userAgent) {
        this(baseUri, connectTimeout, readTimeout, insecure, maxConnections, userAgent, false);
    }
}
