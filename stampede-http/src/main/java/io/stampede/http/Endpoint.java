package io.stampede.http;

import java.net.URI;

/**
 * Where a connection goes: scheme, host and port, plus the Host header value.
 */
record Endpoint(boolean tls, String host, int port, String hostHeader) {
    static Endpoint of(URI uri) {
        boolean tls = "https".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        String hostHeader = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return new Endpoint(tls, uri.getHost(), port, hostHeader);
    }
}
