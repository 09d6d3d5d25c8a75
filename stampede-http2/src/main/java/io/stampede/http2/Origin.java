package io.stampede.http2;

import java.net.URI;

/** Where a connection goes: a scheme, host and port. A user keeps one connection per origin. */
record Origin(boolean tls, String host, int port) {
    static Origin of(URI uri) {
        boolean tls = "https".equals(uri.getScheme());
        return new Origin(tls, uri.getHost(), uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80);
    }

    String scheme() {
        return tls ? "https" : "http";
    }

    /** The {@code :authority} of its requests. */
    String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
