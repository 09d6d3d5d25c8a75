package io.stampede.http2;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.ExecutionException;

/**
 * Jetty's failures as the exceptions the HTTP/1.1 transport throws for the same causes, so the
 * session's failure names ("connection refused", "TLS: server certificate not trusted", ...) are the
 * same over both protocols.
 */
final class Failures {
    private Failures() {
    }

    static IOException asIOException(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof UnresolvedAddressException) {
            return new UnknownHostException();
        }
        return new IOException(t.getClass().getSimpleName() + ": " + t.getMessage(), t);
    }
}
