package io.stampede.http;

import java.io.IOException;

/**
 * The transport under a session: sends one request, returns the raw response, or throws what went
 * wrong. Implementations: {@link SocketExchanger} (ours) and {@link JdkExchanger} (java.net.http),
 * compared in bench/, and the HTTP/2 module's, which reaches a session through {@link ExchangeSessions}.
 */
public interface Exchanger extends AutoCloseable {
    RawResponse exchange(Outgoing request) throws IOException, InterruptedException;

    /** Whether the failure happened while connecting (for naming timeouts). */
    default boolean failedConnecting() {
        return false;
    }

    /**
     * The failures report's name for a cause only this transport knows (HTTP/2's), or null for the
     * names every transport shares ({@link ErrorNames}).
     */
    default String failureName(Throwable failure) {
        return null;
    }

    @Override
    void close();
}
